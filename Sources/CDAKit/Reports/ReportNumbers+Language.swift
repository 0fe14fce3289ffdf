extension ReportNumbers {
    /// The number formats of one language: `12.7%` in English, `12,7%` in Dutch.
    struct Formatter: Sendable, Hashable {
        /// The language.
        var language: ReportLanguage

        /// A share as a percentage with one decimal.
        func percent(_ share: Double) -> String { language.decimals(ReportNumbers.percent(share)) }

        /// A statistic with two decimals, `–` when there is none.
        func statistic(_ value: Double?) -> String { language.decimals(ReportNumbers.statistic(value)) }

        /// A coefficient with three decimals.
        func coefficient(_ value: Double) -> String { language.decimals(ReportNumbers.coefficient(value)) }

        /// Seconds of recording with one decimal.
        func duration(_ seconds: Double) -> String { language.decimals(ReportNumbers.duration(seconds)) }

        /// A rate with one decimal.
        func rate(_ value: Double) -> String { language.decimals(ReportNumbers.rate(value)) }

        /// `9 of 13`, `9 van 13`.
        func count(_ part: Int, of whole: Int) -> String { language(.count, "\(part)", "\(whole)") }
    }
}
