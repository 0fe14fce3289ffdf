import Foundation
internal import GRDB

/// What one store knows of its project's vocabulary (the `vocabulary` table: every lowercase word
/// form, with ids 1, 2, 3, … in order of first sight), kept between write transactions so that
/// ingesting many files does not read the vocabulary once per file.
///
/// The table only grows, so the cache is brought up to date by reading the rows past its count;
/// words added in a transaction that is rolled back make the cache start afresh.
final class VocabularyCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Interner id `i` is vocabulary id `i + 1`; `nil` until first needed.
    private var words: ByteInterner?

    /// Runs `body` inside the caller's write transaction with the vocabulary up to date.
    func withWriter<T>(_ db: Database, _ body: (inout TokenIndexWriter) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var writer = TokenIndexWriter(words: try current(db), insert: try db.cachedStatement(sql: Self.insertSQL))
        defer {
            words = writer.words
            if writer.addedWords {
                db.afterNextTransaction(onCommit: { _ in }, onRollback: { [weak self] _ in self?.forget() })
            }
        }
        return try body(&writer)
    }

    static let insertSQL = "INSERT INTO vocabulary(id, form, folded) VALUES (?, ?, ?)"

    private func forget() {
        lock.lock()
        words = nil
        lock.unlock()
    }

    /// The cached words, with the rows other writers added since read in.
    private func current(_ db: Database) throws -> ByteInterner {
        let stored = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM vocabulary") ?? 0
        var known = words ?? ByteInterner()
        if known.count > stored { known = ByteInterner() }
        if known.count < stored {
            try Self.read(into: &known, after: known.count, db)
            if known.count != stored { throw Self.damaged(db) }
        }
        return known
    }

    /// Interns the table's rows past id `after`, checking their ids run on without gaps.
    static func read(into words: inout ByteInterner, after: Int, _ db: Database) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, form FROM vocabulary WHERE id > ? ORDER BY id", arguments: [after])
        while let row = try cursor.next() {
            let id: Int = row[0]
            let form: String = row[1]
            var utf8 = Array(form.utf8)
            let interned = utf8.withUnsafeMutableBufferPointer { words.intern(UnsafeBufferPointer($0)) }
            guard interned.isNew, Int(interned.id) + 1 == id else { throw damaged(db) }
        }
    }

    static func damaged(_ db: Database) -> StoreError {
        StoreError.database(
            path: db.description, message: "the word vocabulary of the token index is inconsistent; run 'cda index --rebuild'")
    }
}

/// Builds token-index blobs inside a write transaction, adding new words to the vocabulary table.
struct TokenIndexWriter {
    fileprivate(set) var words: ByteInterner
    fileprivate let insert: Statement
    /// Whether this transaction added words.
    fileprivate(set) var addedWords = false

    fileprivate init(words: ByteInterner, insert: Statement) {
        self.words = words
        self.insert = insert
    }

    /// The words of `text` with their vocabulary ids.
    mutating func tokens(of text: String) throws -> [IndexedToken] {
        try collect { add in Tokenizer.forEachLowercaseWord(in: text, add) }
    }

    /// The words of a transcript tokenised before, utterance after utterance (see
    /// `TokenBlob.encode(_:utteranceEnds:)`); each distinct form is looked up once.
    mutating func tokens(of words: TranscriptWords) throws -> [IndexedToken] {
        var ids: [Int32] = []
        ids.reserveCapacity(words.forms.count)
        for form in 0..<Int32(words.forms.count) {
            ids.append(try words.forms.bytes(of: form).withUnsafeBufferPointer { try id(of: $0) })
        }
        return words.tokens(ids: ids)
    }

    /// Interns the words `walk` gives, adding new ones to the table.
    private mutating func collect(_ walk: ((Tokenizer.Span, UnsafeBufferPointer<UInt8>) -> Void) -> Void) throws -> [IndexedToken] {
        var tokens: [IndexedToken] = []
        var failure: (any Error)?
        walk { span, form in
            do {
                tokens.append(IndexedToken(word: try id(of: form), start: Int32(span.start), length: Int32(span.end - span.start)))
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return tokens
    }

    /// The vocabulary id of a lowercase form, adding it to the table when new.
    private mutating func id(of form: UnsafeBufferPointer<UInt8>) throws -> Int32 {
        let (id, isNew) = words.intern(form)
        if isNew {
            let word = String(decoding: form, as: UTF8.self)
            try insert.execute(arguments: [Int(id) + 1, word, word.folding(options: .diacriticInsensitive, locale: nil)])
            addedWords = true
        }
        return id + 1
    }
}
