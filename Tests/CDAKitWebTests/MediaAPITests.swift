import CDAKit
import CDATestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDAKitWeb

/// `GET /api/media/{document}`: the linked recording, whole or in the parts a player asks for.
@Suite struct MediaAPITests {
    /// A WAV of 8 kHz mono 8-bit audio whose data bytes count up (modulo 251), so that any slice
    /// of the file can be checked byte for byte: 44 header bytes and 4,000 data bytes, 0.5 s.
    static let wav = MediaFixtures.wav(samples: (0..<4000).map { UInt8($0 % 251) })

    /// The harness with the WAV linked to the document `emo`.
    static func linked() throws -> WebHarness {
        let web = try WebHarness.make()
        web.folder.write("rec/emo.wav", bytes: wav)
        try web.store.linkMedia(documentID: "emo", file: web.folder.file("rec/emo.wav"), offset: 1.5)
        return web
    }

    func get(_ session: WebHarness.Session, _ uri: String, range: String? = nil, ifRange: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(session.token)"]
        if let range { headers[.range] = range }
        if let ifRange { headers[.ifRange] = ifRange }
        return try await session.raw(.get, uri, headers: headers)
    }

    @Test func servesTheWholeRecordingWithItsType() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let response = try await get(session, "/api/media/emo")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "audio/wav")
            #expect(response.headers[.acceptRanges] == "bytes")
            #expect(response.headers[.contentLength] == "4044")
            #expect(Array(response.body.readableBytesView) == Self.wav)
        }
    }

    @Test func servesExactlyTheRangeAsked() async throws {
        let web = try Self.linked()
        try await web.test { session in
            // first-last, first- (to the end), -suffix, and a last position past the end.
            let cases: [(String, ClosedRange<Int>)] = [
                ("bytes=0-0", 0...0), ("bytes=44-299", 44...299), ("bytes=4000-", 4000...4043), ("bytes=-10", 4034...4043),
                ("bytes=4040-99999", 4040...4043), ("bytes=-99999", 0...4043), ("bytes = 10-19", 10...19),
            ]
            for (header, bytes) in cases {
                let response = try await get(session, "/api/media/emo", range: header)
                #expect(response.status == .partialContent, "\(header)")
                #expect(response.headers[.contentRange] == "bytes \(bytes.lowerBound)-\(bytes.upperBound)/4044", "\(header)")
                #expect(response.headers[.contentLength] == String(bytes.count), "\(header)")
                #expect(Array(response.body.readableBytesView) == Array(Self.wav[bytes]), "\(header)")
            }
        }
    }

    @Test func refusesRangesOutsideTheFileWith416() async throws {
        let web = try Self.linked()
        try await web.test { session in
            for header in ["bytes=4044-", "bytes=5000-6000", "bytes=-0", "bytes=20-10", "bytes=a-b", "bytes=", "bytes", "bytes=1-2,x"] {
                let response = try await get(session, "/api/media/emo", range: header)
                #expect(response.status == .rangeNotSatisfiable, "\(header)")
                #expect(response.headers[.contentRange] == "bytes */4044", "\(header)")
            }
        }
    }

    @Test func answersOtherUnitsAndSeveralRangesWithTheWholeFile() async throws {
        let web = try Self.linked()
        try await web.test { session in
            for header in ["items=0-5", "bytes=0-1,10-11"] {
                let response = try await get(session, "/api/media/emo", range: header)
                #expect(response.status == .ok, "\(header)")
                #expect(response.body.readableBytes == 4044, "\(header)")
            }
        }
    }

    @Test func aStaleIfRangeGetsTheWholeFile() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let tag = try #require(try await get(session, "/api/media/emo").headers[.eTag])
            let current = try await get(session, "/api/media/emo", range: "bytes=0-9", ifRange: tag)
            #expect(current.status == .partialContent)
            let stale = try await get(session, "/api/media/emo", range: "bytes=0-9", ifRange: "\"other\"")
            #expect(stale.status == .ok)
            #expect(stale.body.readableBytes == 4044)
        }
    }

    @Test func headAnswersWithoutTheBytes() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let response = try await session.raw(
                .head, "/api/media/emo", headers: [.authorization: "Bearer \(session.token)", .range: "bytes=0-99"])
            #expect(response.status == .partialContent)
            #expect(response.headers[.contentRange] == "bytes 0-99/4044")
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test func needsTheTokenLikeEveryRoute() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let response = try await session.raw(.get, "/api/media/emo", headers: [.range: "bytes=0-9"])
            #expect(response.status == .unauthorized)
            #expect(response.body.readableBytes < 1000)
        }
    }

    @Test func refusesDocumentsWithoutARecordingAndFilesThatMovedOrChanged() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let unlinked = try await get(session, "/api/media/cit")
            #expect(unlinked.status == .notFound)
            #expect(
                unlinked.object["error"] as? String == "Document 'cit' has no linked recording; link one with 'cda media add cit FILE'.")
            let unknown = try await get(session, "/api/media/nope")
            #expect(unknown.status == .notFound)
            let traversal = try await get(session, "/api/media/..%2F..%2Fetc%2Fpasswd")
            #expect(traversal.status == .notFound)

            web.folder.write("rec/emo.wav", bytes: Self.wav + [0])
            let changed = try await get(session, "/api/media/emo")
            #expect(changed.status == .conflict)
            #expect(
                changed.object["error"] as? String
                    == "The recording of 'emo' at 'rec/emo.wav' changed since it was linked (4044 bytes then, 4045 now); link it again with 'cda media add'."
            )

            try FileManager.default.removeItem(atPath: web.folder.file("rec/emo.wav"))
            let moved = try await get(session, "/api/media/emo")
            #expect(moved.status == .notFound)
            #expect(
                moved.object["error"] as? String
                    == "The recording of 'emo' is not at 'rec/emo.wav' any more; find it with 'cda media relink FOLDER'.")
        }
    }

    @Test func listsTheLinkedRecordings() async throws {
        let web = try Self.linked()
        try await web.test { session in
            let links = try await session.get("/api/media").decode([MediaLink].self)
            #expect(links.map(\.documentID) == ["emo"])
            #expect(links.first?.offset == 1.5)
            #expect(links.first?.duration == 0.5)
            #expect(links.first?.found == true)
        }
    }
}
