import CDATestSupport
import Foundation
import Testing

/// CDAKit's folders in layers (ARCHITECTURE.md): a folder may name the types of its own folder and
/// of folders in lower layers only, so the arrows between folders point one way.
@Suite struct LayeringTests {
    /// Lowest first; folders on one line are in one layer and do not use each other.
    static let layers: [[String]] = [
        ["Support"],
        ["Corpus"],
        ["Ingest"],
        ["Coding"],
        ["Themes", "Analysis"],
        ["Exchange"],
        ["Store"],
        ["Instruments", "Sheets"],
        ["Reports"],
        ["Workflow"],
    ]

    @Test func everyFolderHasALayer() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.layers.flatMap { $0 }))
    }

    @Test func foldersUseOnlyLowerLayers() throws {
        var declared: [String: Set<String>] = [:]
        for folder in Self.layers.flatMap({ $0 }) {
            for file in try Self.swiftFiles(in: folder) { declared[folder, default: []].formUnion(Self.topLevelTypes(in: file)) }
        }
        var found: [String] = []
        for (layer, folders) in Self.layers.enumerated() {
            let higher = Self.layers[(layer + 1)...].flatMap { $0 } + folders
            for folder in folders {
                for file in try Self.swiftFiles(in: folder) {
                    let words = Self.identifiers(in: file)
                    for other in higher where other != folder {
                        for name in declared[other, default: []].intersection(words).sorted() {
                            found.append("\(folder)/\((file as NSString).lastPathComponent) names \(other)'s \(name)")
                        }
                    }
                }
            }
        }
        #expect(found == [])
    }

    static var root: String { SharedData.repositoryRoot + "/Sources/CDAKit" }

    static func swiftFiles(in folder: String) throws -> [String] {
        let base = root + "/" + folder
        return (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.map { base + "/" + $0 }
    }

    /// Types declared at the top level of a file (nested types are reached through them).
    static func topLevelTypes(in path: String) -> Set<String> {
        let pattern = /^(?:public |internal |package |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|actor) ([A-Z]\w*)/
        let lines = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n") ?? []
        return Set(lines.compactMap { line in (try? pattern.prefixMatch(in: line)).map { String($0.output.1) } })
    }

    /// The identifiers a file's code uses, comments left out.
    static func identifiers(in path: String) -> Set<String> {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
        return Set(code.matches(of: /[A-Za-z_]\w*/).map { String($0.output) })
    }
}
