import CDAKit
import Foundation

/// The agreement report as a table a reviewer can read, with what each column means and why a
/// figure is missing.
enum AgreementTable {
    /// Prints the report; `suggestSheet` adds how to list the disagreements.
    static func print(_ report: AgreementReport, suggestSheet: Bool) {
        let coders = report.coders
        let names = Format.names(coders)
        let scope = "\(report.units) \(report.unit == .utterance ? "utterance(s)" : "segment(s)") in \(report.documents.count) document(s)"
        Swift.print("Agreement of \(names) in round \(report.round), per \(report.unit.name): \(scope).")
        let partial = report.documents.filter { $0.coders.count < coders.count }
        if !partial.isEmpty {
            let listed = partial.map { "\($0.document) (\($0.coders.isEmpty ? "nobody" : $0.coders.joined(separator: ", ")))" }
            Swift.print("Coded by only some of the coders (the others have no judgement there): \(listed.joined(separator: "; ")).")
        }
        Swift.print("")

        let shown: [(title: String, pick: (AgreementReport.Statistics) -> AgreementEstimate, name: String)]
        if case .segment = report.unit {
            shown = [("agreement", { $0.agreement }, "agreement")]
        } else {
            shown = [
                ("agreement", { $0.agreement }, "agreement"),
                coders.count == 2 ? ("kappa", { $0.kappa }, "kappa") : ("Fleiss", { $0.fleissKappa }, "Fleiss' kappa"),
                ("alpha", { $0.alpha }, "alpha"), ("BP", { $0.brennanPrediger }, "Brennan–Prediger"),
            ]
        }
        let header = ["code"] + coders + ["compared"] + shown.map(\.title)
        var rows: [[String]] = []
        var undefined: [String: [String]] = [:]
        func cells(_ statistics: AgreementReport.Statistics, label: String) -> [String] {
            shown.map { column in
                let estimate = column.pick(statistics)
                if let reason = estimate.reason {
                    undefined[reason.description, default: []].append("\(column.name) of \(label)")
                    return "–"
                }
                return column.title == "agreement" ? ReportNumbers.percent(estimate.value!) : String(format: "%.3f", estimate.value!)
            }
        }
        for code in report.codes {
            rows.append(
                [code.code] + coders.map { String(code.codedUnits[$0] ?? 0) } + [String(code.comparedUnits)]
                    + cells(code.statistics, label: "'\(code.code)'"))
        }
        rows.append(
            ["overall"] + coders.map { _ in "" } + [String(report.overall.comparedUnits)]
                + cells(report.overall.statistics, label: "all codes"))
        Output.printTable(header, rows)

        Swift.print("")
        if case .segment(let minimum) = report.unit {
            Swift.print(
                "\(coders.joined(separator: ", ")): segments each coder coded with the code; compared: checks of a segment against another coder;"
            )
            Swift.print(
                "agreement: the share of checks where the other coder has a segment of the code overlapping at least \(ReportNumbers.percent(minimum)) of the two segments' union."
            )
        } else {
            Swift.print(
                "\(coders.joined(separator: ", ")): utterances each coder coded with the code; compared: utterances judged by two or more coders."
            )
            Swift.print(
                (coders.count == 2 ? "kappa: Cohen's kappa" : "Fleiss: Fleiss' kappa")
                    + "; alpha: Krippendorff's alpha (nominal); BP: Brennan–Prediger kappa.")
        }
        for (reason, places) in undefined.sorted(by: { $0.key < $1.key }) {
            Swift.print("– \(places.joined(separator: ", ")): \(reason).")
        }
        if suggestSheet && !report.disagreements.isEmpty {
            Swift.print("\(report.disagreements.count) disagreement(s); list them with --disagreements FILE.")
        }
    }
}
