import ArgumentParser
import CallQueue
import Storage

extension CallbackCommand {
    /// `ivr callback done ID --outcome OUTCOME [--note TEXT] [--agent ID]`.
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report how a callback attempt ended: reached, no-answer, busy, wrong-number, cancelled.",
            discussion: "no-answer and busy schedule another attempt after the queue's retry delay while attempts remain.")

        @Argument(help: "Callback id (a positive number).", transform: RecordID.callback) var id: Int64
        @Option(help: "reached, no-answer, busy, wrong-number or cancelled.") var outcome: String
        @Option(help: "A note kept with the callback.") var note: String?
        @Option(help: "The agent reporting (refused if another agent holds the callback).") var agent: String?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let result = try reportingRefusals {
                guard let parsed = CallbackOutcome(rawValue: outcome) else {
                    throw StoreError.unknownOutcome(outcome, valid: CallbackOutcome.allCases.map(\.rawValue))
                }
                return try store.openStore().finishCallback(id, outcome: parsed, agent: agent, note: note, now: store.now)
            }
            let callback = result.callback
            if result.retryScheduled {
                print("callback \(id): \(outcome) (attempt \(callback.attempts) of \(callback.maxAttempts)); "
                      + "next attempt due \(StoreText.date(callback.due))")
            } else {
                let spent = callback.outcome?.isRetryable == true ? ", no attempts left" : ""
                print("callback \(id): \(outcome); closed after \(callback.attempts) attempt(s)\(spent)")
            }
        }
    }
}
