import CDAKit
import Hummingbird

/// Maps the library's typed errors to HTTP answers, keeping their messages.
enum ErrorMapping {
    /// The web error for any error a handler threw.
    static func webError(for error: any Error) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as CodingError:
            return .refused(status: status(of: error), message: error.description)
        case let error as CorpusError:
            if case .unknownDocument = error { return .refused(status: 404, message: error.description) }
            return .refused(status: 400, message: error.description)
        case let error as TranscriptEditError:
            return .refused(status: 400, message: error.description)
        case let error as TimeSpanError:
            switch error {
            case .noSuchTimeSpanCoding: return .refused(status: 404, message: error.description)
            case .noRecording: return .refused(status: 409, message: error.description)
            default: return .refused(status: 400, message: error.description)
            }
        case let error as SheetError:
            return .refused(status: 400, message: error.description)
        case let error as CodebookError:
            return .refused(status: 400, message: error.description)
        case let error as AnalysisError:
            return .refused(status: 400, message: error.description)
        case let error as StoreError:
            return .storeFailure(error.description)
        case let error as any HTTPResponseError:
            return .refused(status: error.status.code, message: error.status.reasonPhrase)
        default:
            return .storeFailure("Unexpected error: \(type(of: error)).")
        }
    }

    /// 404 for names that do not exist, 409 for changes the project's state refuses, 400 for bad input.
    static func status(of error: CodingError) -> Int {
        switch error {
        case .unknownCode, .unknownTheme, .noSuchCoding, .unknownStep: 404
        case .inactiveCode, .codeExists, .cycle, .nothingToUndo, .undoConflict, .stepAlreadyUndone, .stepNotLatest, .roundNotStarted,
            .roundPassed,
            .roundThemesDiffer, .textNotFound:
            409
        case .emptyCodeName, .controlCharacterInCodeName, .offsetOutOfRange, .emptyFragment, .halfOpenOffsets, .invalidRound,
            .nothingToMerge, .invalidColor:
            400
        }
    }
}
