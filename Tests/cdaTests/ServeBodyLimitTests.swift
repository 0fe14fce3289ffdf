import CDATestSupport
import Foundation
import Testing

/// `cda serve` refusing a body over 1 MiB: a client on a kept-alive connection gets 413 and then
/// the end of the stream, instead of waiting for its own timeout.
@Suite(.serialized) struct ServeBodyLimitTests {
    /// A TCP connection to the workbench that sends and reads raw HTTP/1.1.
    private final class Connection {
        let descriptor: Int32

        /// Connects to 127.0.0.1:`port`; reads wait at most `readTimeout` seconds.
        init(port: Int, readTimeout: Int) throws {
            #if os(Linux)
                descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
                descriptor = socket(AF_INET, SOCK_STREAM, 0)
                var one: Int32 = 1
                setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        }

        deinit { close(descriptor) }

        /// Sending on a closed connection returns an error instead of raising SIGPIPE.
        #if os(Linux)
            static let noSignal = Int32(MSG_NOSIGNAL)
        #else
            static let noSignal: Int32 = 0
        #endif

        /// Sends `bytes` until done or the server stops taking them; returns how many were sent.
        @discardableResult
        func transmit(_ bytes: [UInt8]) -> Int {
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Self.noSignal) }
                guard count > 0 else { break }
                sent += count
            }
            return sent
        }

        /// Everything the server sends until it ends the stream; `ended` is false when the read
        /// timeout passed first (the connection stayed open).
        func readToEnd() -> (text: String, ended: Bool) {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
                if count < 0 { return (String(decoding: received, as: UTF8.self), errno == ECONNRESET) }
                received += buffer[0..<count]
            }
        }
    }

    /// Starts `cda serve --port 0` and returns it with its port and token, read from what it prints.
    private func serve(_ project: String, in folder: TemporaryDirectory) throws -> (process: Process, port: Int, token: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.binary))
        process.arguments = ["serve", "--project", project, "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        while !printed.contains("Press Ctrl-C") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let url = try #require(printed.split(separator: "\n").first { $0.hasPrefix("Open ") }?.dropFirst(5))
        let components = try #require(URLComponents(string: String(url)))
        let token = try #require(components.queryItems?.first { $0.name == "token" }?.value)
        return (process, try #require(components.port), token)
    }

    @Test func aTooLargeBodyGets413AndTheConnectionEnds() throws {
        let folder = TemporaryDirectory()
        let project = folder.file("p.cda")
        #expect(try CLI.run(["init", "--project", project], in: folder.path).status == 0)
        let server = try serve(project, in: folder)
        defer {
            server.process.terminate()
            server.process.waitUntilExit()
        }
        let host = "127.0.0.1:\(server.port)"

        let session = try Connection(port: server.port, readTimeout: 10)
        session.transmit(
            Array("GET /api/session HTTP/1.1\r\nHost: \(host)\r\nAuthorization: Bearer \(server.token)\r\nConnection: close\r\n\r\n".utf8))
        let sessionAnswer = session.readToEnd()
        let json = try #require(sessionAnswer.text.range(of: "\r\n\r\n").map { sessionAnswer.text[$0.upperBound...] })
        let csrf = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["csrfToken"] as? String)

        // 5 MB on a connection the client wants kept alive.
        let body = [UInt8](repeating: UInt8(ascii: " "), count: 5_000_000)
        let head =
            "POST /api/codes/rename HTTP/1.1\r\nHost: \(host)\r\nAuthorization: Bearer \(server.token)\r\nX-CSRF-Token: \(csrf)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
        let connection = try Connection(port: server.port, readTimeout: 10)
        connection.transmit(Array(head.utf8) + body)
        let answer = connection.readToEnd()
        #expect(answer.text.hasPrefix("HTTP/1.1 413"), "\(answer.text.prefix(200))")
        #expect(answer.text.lowercased().contains("connection: close"))
        #expect(answer.text.contains("The request body is larger than 1048576 bytes."))
        #expect(answer.ended, "the server kept the connection open after refusing the body")
    }
}
