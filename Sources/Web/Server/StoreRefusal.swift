import CallQueue
import Hummingbird
import SoundIO
import Storage

/// Maps the store's and the prompt library's refusals to HTTP answers with their own messages.
enum StoreRefusal {
    static func classify(_ error: any Error) -> WebError? {
        switch error {
        case let error as StoreError:
            switch error {
            case .unknownAgent, .unknownCallback, .unknownVoicemail, .unknownQueue:
                return WebError(status: .notFound, message: error.description)
            case .dataDirectory, .notAStore:
                return nil
            default:
                return WebError(status: .conflict, message: error.description)
            }
        case let error as WebUserError:
            return WebError(status: .conflict, message: error.description)
        case let error as PromptLibraryError:
            return WebError(status: .unprocessableContent, message: error.description)
        case let error as PhoneNumberError:
            return WebError(status: .badRequest, message: error.description)
        default:
            return nil
        }
    }
}
