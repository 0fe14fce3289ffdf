import ArgumentParser

/// The `cda` command: discourse-analysis coding from the command line.
@main
struct CDA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cda",
        abstract: "Code workshop and focus-group transcripts, consolidate codes, compare groups by theme.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self, IngestCommand.self, DocumentsCommand.self, SpeakersCommand.self, ShowCommand.self, MediaCommand.self,
            CodeCommand.self, CodesCommand.self, FragmentsCommand.self, SheetCommand.self, RoundCommand.self,
            EditCommand.self, UndoCommand.self, SuggestCommand.self, ThemesCommand.self, MemoCommand.self, ReportCommand.self,
            ExportCommand.self,
            BuildCommand.self,
            ImportCommand.self, ValidateCommand.self,
            KwicCommand.self, KeynessCommand.self, CollocatesCommand.self, PositioningCommand.self, AutocodeCommand.self,
            DynamicsCommand.self, MatrixCommand.self, CoOccurrenceCommand.self,
            AgreementCommand.self, ConsensusCommand.self,
            CheckCommand.self, IndexCommand.self, BackupCommand.self, ServeCommand.self,
        ]
    )
}
