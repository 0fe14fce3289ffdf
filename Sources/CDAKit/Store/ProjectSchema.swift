internal import GRDB

/// The project file's schema, as a list of named migrations.
///
/// Migrations are never edited once released: a change is a new migration.
enum ProjectSchema {
    /// `application_id` marks SQLite files as `cda` projects ("CDA1").
    static let applicationID: Int32 = 0x4344_4131

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-corpus", migrate: createCorpusTables)
        migrator.registerMigration("v1-coding", migrate: createCodingTables)
        migrator.registerMigration("v1-analysis", migrate: createAnalysisTables)
        migrator.registerMigration("v2-pseudonyms") { db in
            try db.execute(sql: "CREATE TABLE pseudonym (label TEXT PRIMARY KEY NOT NULL, pseudonym TEXT NOT NULL UNIQUE)")
        }
        migrator.registerMigration("v3-exchange-guids") { db in
            // The REFI-QDA GUID of each exported or imported item, made once and kept, so that
            // repeated exports and round trips through other tools keep their identity.
            try db.execute(
                sql: """
                    CREATE TABLE exchangeGUID (
                        kind TEXT NOT NULL,
                        key TEXT NOT NULL,
                        guid TEXT NOT NULL UNIQUE CHECK (length(guid) = 36),
                        PRIMARY KEY (kind, key)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v4-search-index") { db in
            // A full-text index used only to find candidate utterances for concordances; every
            // hit is then checked with the project tokenizer. Built on first use.
            try db.execute(
                sql: """
                    CREATE TABLE utteranceRow (
                        rowid INTEGER PRIMARY KEY AUTOINCREMENT,
                        documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        idx INTEGER NOT NULL,
                        UNIQUE (documentId, idx)
                    );
                    CREATE VIRTUAL TABLE utteranceSearch USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
                    """)
        }
        migrator.registerMigration("v5-document-counts") { db in
            // Per-document totals kept at ingest, so that listing documents does not scan utterances.
            try db.execute(
                sql: """
                    ALTER TABLE document ADD COLUMN utteranceCount INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE document ADD COLUMN wordCount INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE document ADD COLUMN speakerCount INTEGER NOT NULL DEFAULT 0;
                    UPDATE document SET
                        utteranceCount = (SELECT COUNT(*) FROM utterance u WHERE u.documentId = document.id),
                        wordCount = (SELECT COALESCE(SUM(wordCount), 0) FROM utterance u WHERE u.documentId = document.id),
                        speakerCount = (SELECT COUNT(DISTINCT speakerId) FROM utterance u WHERE u.documentId = document.id);
                    """)
        }
        migrator.registerMigration("v6-document-read-options") { db in
            // The options a document was read with (group, speakers, encoding …), so that reading
            // the same bytes with other options counts as a change; '' means none were given.
            try db.execute(sql: "ALTER TABLE document ADD COLUMN readOptions TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v7-document-speakers") { db in
            // The speakers each document declares, so that participants who never speak still count
            // for their session (conversation dynamics); older documents get those who speak in them.
            try db.execute(
                sql: """
                    CREATE TABLE documentSpeaker (
                        documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        speakerId TEXT NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
                        PRIMARY KEY (documentId, speakerId)
                    ) WITHOUT ROWID;
                    INSERT INTO documentSpeaker(documentId, speakerId)
                        SELECT DISTINCT documentId, speakerId FROM utterance WHERE speakerId IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v8-media") { db in
            // The recording linked to a document: where it lies (relative to the project file's
            // folder when below it), and its size, duration, container and SHA-256, so a moved
            // file can be found again. The recording itself never enters the project.
            try db.execute(
                sql: """
                    CREATE TABLE mediaLink (
                        documentId TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        path TEXT NOT NULL CHECK (path <> ''),
                        size INTEGER NOT NULL CHECK (size >= 0),
                        duration REAL NOT NULL CHECK (duration >= 0),
                        format TEXT NOT NULL CHECK (format IN ('wav', 'mp3', 'mp4', 'ogg', 'matroska')),
                        kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
                        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                        timeOffset REAL NOT NULL DEFAULT 0,
                        linkedAt TEXT NOT NULL
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v9-document-versions") { db in
            // Each earlier text of a revised document (its utterances as JSON, as they were), so
            // that a revision never loses text; and on codings, why a revision marked one for review.
            try db.execute(
                sql: """
                    CREATE TABLE documentVersion (
                        documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        version INTEGER NOT NULL CHECK (version >= 1),
                        ingestedAt TEXT NOT NULL,
                        revisedAt TEXT NOT NULL,
                        contentHash TEXT NOT NULL,
                        sourcePath TEXT NOT NULL,
                        utterances TEXT NOT NULL,
                        PRIMARY KEY (documentId, version)
                    ) WITHOUT ROWID;
                    ALTER TABLE coding ADD COLUMN review TEXT;
                    """)
        }
        migrator.registerMigration("v10-time-span-codings") { db in
            // Codings of a stretch of a document's recording rather than of its words (laughter, a
            // silence, a gesture), in whole milliseconds of recording time.
            try db.execute(
                sql: """
                    CREATE TABLE timeSpanCoding (
                        id INTEGER PRIMARY KEY,
                        codeId INTEGER NOT NULL REFERENCES code(id),
                        documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        startMs INTEGER NOT NULL CHECK (startMs >= 0),
                        endMs INTEGER NOT NULL CHECK (endMs > startMs),
                        round INTEGER NOT NULL CHECK (round IN (1, 2)),
                        coder TEXT NOT NULL,
                        memo TEXT,
                        createdAt TEXT NOT NULL,
                        UNIQUE (codeId, documentId, startMs, endMs, round, coder)
                    );
                    CREATE INDEX timeSpanCodingByDocument ON timeSpanCoding(documentId, startMs);
                    """)
        }
        migrator.registerMigration("v11-token-index") { db in
            // Every utterance's words as vocabulary ids with their places, one row per document, so
            // that analyses count and match integers instead of re-reading and re-tokenising text
            // (see ARCHITECTURE.md).
            // The vocabulary only grows: ids in stored blobs and history stay valid.
            try db.execute(
                sql: """
                    CREATE TABLE vocabulary (
                        id INTEGER PRIMARY KEY,
                        form TEXT NOT NULL UNIQUE,
                        folded TEXT NOT NULL
                    );
                    CREATE TABLE tokenIndex (
                        documentId TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        tokens BLOB NOT NULL
                    );
                    """)
            let vocabulary = VocabularyCache()
            try vocabulary.withWriter(db) { writer in _ = try ProjectStore.indexTokens(documentID: nil, with: &writer, db) }
        }
        return migrator
    }

    private static func createCorpusTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE projectInfo (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    format TEXT NOT NULL,
                    sourcePath TEXT NOT NULL,
                    contentHash TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE TABLE documentAttribute (
                    documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (documentId, key)
                ) WITHOUT ROWID;
                CREATE TABLE speaker (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('participant', 'moderator', 'observer'))
                );
                CREATE TABLE speakerAttribute (
                    speakerId TEXT NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (speakerId, key)
                ) WITHOUT ROWID;
                CREATE TABLE utterance (
                    documentId TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL CHECK (idx >= 1),
                    speakerId TEXT REFERENCES speaker(id),
                    startTime REAL,
                    endTime REAL,
                    section TEXT,
                    text TEXT NOT NULL,
                    sourceReference TEXT,
                    wordCount INTEGER NOT NULL CHECK (wordCount >= 0),
                    length INTEGER NOT NULL CHECK (length >= 0),
                    PRIMARY KEY (documentId, idx)
                ) WITHOUT ROWID;
                CREATE INDEX utteranceBySpeaker ON utterance(speakerId);
                """)
    }

    private static func createCodingTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE code (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    color TEXT,
                    origin TEXT NOT NULL CHECK (origin IN ('analyst', 'in-vivo', 'suggested')),
                    round INTEGER NOT NULL CHECK (round IN (1, 2)),
                    parentId INTEGER REFERENCES code(id),
                    status TEXT NOT NULL CHECK (status IN ('active', 'merged', 'retired')),
                    mergedIntoId INTEGER REFERENCES code(id),
                    createdAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL,
                    CHECK ((status = 'merged') = (mergedIntoId IS NOT NULL))
                );
                CREATE UNIQUE INDEX activeCodeName ON code(name) WHERE status = 'active';
                CREATE TABLE coding (
                    id INTEGER PRIMARY KEY,
                    codeId INTEGER NOT NULL REFERENCES code(id),
                    documentId TEXT NOT NULL,
                    startUtterance INTEGER NOT NULL,
                    startOffset INTEGER CHECK (startOffset >= 0),
                    endUtterance INTEGER NOT NULL,
                    endOffset INTEGER CHECK (endOffset >= 0),
                    round INTEGER NOT NULL CHECK (round IN (1, 2)),
                    coder TEXT NOT NULL,
                    memo TEXT,
                    createdAt TEXT NOT NULL,
                    CHECK (endUtterance >= startUtterance),
                    CHECK ((startOffset IS NULL) = (endOffset IS NULL)),
                    FOREIGN KEY (documentId, startUtterance) REFERENCES utterance(documentId, idx),
                    FOREIGN KEY (documentId, endUtterance) REFERENCES utterance(documentId, idx)
                );
                CREATE UNIQUE INDEX codingIdentity ON coding(
                    codeId, documentId, startUtterance, IFNULL(startOffset, -1),
                    endUtterance, IFNULL(endOffset, -1), round, coder);
                CREATE INDEX codingByFragment ON coding(documentId, startUtterance);
                """)
    }

    private static func createAnalysisTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE codingRound (
                    number INTEGER PRIMARY KEY CHECK (number IN (1, 2)),
                    startedAt TEXT NOT NULL
                );
                CREATE TABLE roundTheme (
                    round INTEGER NOT NULL REFERENCES codingRound(number) ON DELETE CASCADE,
                    themeId TEXT NOT NULL,
                    PRIMARY KEY (round, themeId)
                ) WITHOUT ROWID;
                CREATE TABLE researchQuestion (
                    id TEXT PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE TABLE theme (
                    id TEXT PRIMARY KEY NOT NULL,
                    label TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    position INTEGER NOT NULL
                );
                CREATE TABLE themeQuestion (
                    themeId TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
                    questionId TEXT NOT NULL REFERENCES researchQuestion(id) ON DELETE CASCADE,
                    PRIMARY KEY (themeId, questionId)
                ) WITHOUT ROWID;
                CREATE TABLE themeTerm (
                    themeId TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
                    term TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (themeId, term)
                ) WITHOUT ROWID;
                CREATE TABLE codeTheme (
                    codeId INTEGER NOT NULL REFERENCES code(id),
                    themeId TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
                    PRIMARY KEY (codeId, themeId)
                ) WITHOUT ROWID;
                CREATE TABLE memo (
                    id INTEGER PRIMARY KEY,
                    targetKind TEXT NOT NULL CHECK (targetKind IN ('project', 'code', 'document', 'theme', 'theme-group')),
                    targetId TEXT NOT NULL,
                    groupName TEXT NOT NULL DEFAULT '',
                    text TEXT NOT NULL,
                    author TEXT NOT NULL,
                    updatedAt TEXT NOT NULL,
                    UNIQUE (targetKind, targetId, groupName)
                );
                CREATE TABLE selectedFragment (
                    id INTEGER PRIMARY KEY,
                    documentId TEXT NOT NULL,
                    startUtterance INTEGER NOT NULL,
                    startOffset INTEGER,
                    endUtterance INTEGER NOT NULL,
                    endOffset INTEGER,
                    note TEXT,
                    selectedAt TEXT NOT NULL,
                    FOREIGN KEY (documentId, startUtterance) REFERENCES utterance(documentId, idx),
                    FOREIGN KEY (documentId, endUtterance) REFERENCES utterance(documentId, idx)
                );
                CREATE UNIQUE INDEX selectedFragmentIdentity ON selectedFragment(
                    documentId, startUtterance, IFNULL(startOffset, -1), endUtterance, IFNULL(endOffset, -1));
                CREATE TABLE history (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    reason TEXT,
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL,
                    details TEXT NOT NULL,
                    snapshot BLOB NOT NULL,
                    undoneAt TEXT
                );
                """)
    }
}
