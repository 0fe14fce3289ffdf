import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

/// `cda serve --host` and `--allow-host`: a host other than this computer is refused unless the
/// host names browsers will use are named; such a name then passes the `Host` check.
@Suite(.serialized) struct ServeCommandTests {
    @Test func parsesAllowedHosts() throws {
        let serve = try #require(
            try CDA.parseAsRoot(["serve", "--host", "0.0.0.0", "--allow-host", "a.lan", "--allow-host", "b.lan"]) as? ServeCommand)
        #expect(serve.allowHost == ["a.lan", "b.lan"])
        expectRefusal(["serve", "--host", "0.0.0.0"], saying: "would let other computers reach the workbench")
        expectRefusal(["serve", "--allow-host", "http://a.lan"], saying: "--allow-host 'http://a.lan' is not a host name")
        #expect(try CDA.parseAsRoot(["serve", "--allow-host", "workbench.example.org"]) is ServeCommand)
    }

    @Test func anExposedHostWithoutAllowedNamesIsRefused() throws {
        let folder = TemporaryDirectory()
        #expect(try CLI.run(["init", "--project", folder.file("p.cda")], in: folder.path).status == 0)
        for host in ["0.0.0.0", "::", "192.168.1.20"] {
            let result = try CLI.run(["serve", "--project", folder.file("p.cda"), "--host", host, "--port", "0"], in: folder.path)
            #expect(result.status == 64, "\(host): \(result.status) \(result.error)")
            #expect(
                result.error.contains("Listening on '\(host)' would let other computers reach the workbench over plain HTTP"),
                "\(result.error)")
            #expect(result.error.contains("--allow-host NAME"))
            #expect(result.output.isEmpty)
        }
        let bad = try CLI.run(["serve", "--project", folder.file("p.cda"), "--allow-host", "workbench.lan:8420"], in: folder.path)
        #expect(bad.status == 64)
        #expect(bad.error.contains("--allow-host 'workbench.lan:8420' is not a host name"))
    }
}
