import CDAKit
import CDATestSupport
import Testing

/// A parent code's branch count: the distinct fragments coded with it or any code below it.
@Suite struct BranchCountTests {
    @Test func aFragmentCodedWithTwoChildrenCountsOnce() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        func code(_ name: String, _ utterance: Int, _ start: Int? = nil, _ end: Int? = nil) throws {
            let fragment = Fragment(documentID: "cit", startUtterance: utterance, startOffset: start, endUtterance: nil, endOffset: end)
            _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: name, coder: "anna"))
        }
        // f1 = utterance 2 whole, coded A and B; f2 = utterance 3 chars 0–4, coded A; f3 = utterance 4, coded P;
        // f4 = utterance 5, coded C (below A); f1 again by C.
        try code("A", 2)
        try code("B", 2)
        try code("A", 3, 0, 4)
        try code("P", 4)
        try code("C", 5)
        try code("C", 2)
        try store.moveCode("A", under: "P", actor: "anna")
        try store.moveCode("B", under: "P", actor: "anna")
        try store.moveCode("C", under: "A", actor: "anna")
        let codes = Dictionary(uniqueKeysWithValues: try store.codes().map { ($0.name, $0) })
        // P: own {f3}; branch {f1, f2, f3, f4}. A: own {f1, f2}; branch {f1, f2, f4}. B, C: leaves.
        #expect(codes["P"].map { [$0.fragments, $0.branchFragments] } == [1, 4])
        #expect(codes["A"].map { [$0.fragments, $0.branchFragments] } == [2, 3])
        #expect(codes["B"].map { [$0.fragments, $0.branchFragments] } == [1, 1])
        #expect(codes["C"].map { [$0.fragments, $0.branchFragments] } == [2, 2])
    }
}
