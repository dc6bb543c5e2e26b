import ArgumentParser
import Storage

extension CallbackCommand {
    /// `ivr callback show ID [--json]`: one callback with its notes and attempt history.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one callback with its notes and every attempt.")
        @Argument(help: "Callback id (a positive number).", transform: RecordID.callback) var id: Int64
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let (callback, attempts) = try reportingRefusals {
                let opened = try store.openStore()
                return (try opened.callback(id), try opened.attempts(of: id))
            }
            if json { return try StoreText.printJSON(CallbackWithAttempts(callback: callback, attempts: attempts)) }
            print("callback \(id): \(callback.number), queue \(callback.queue), \(callback.status.rawValue)"
                  + (callback.reservedBy.map { " by \($0) until \(StoreText.date(callback.reservedUntil))" } ?? ""))
            print("  source \(callback.source.rawValue), topic \(callback.topic ?? "-"), in line from \(StoreText.date(callback.joinedAt)), "
                  + "due \(StoreText.date(callback.due)), attempts \(callback.attempts) of \(callback.maxAttempts)")
            for line in callback.notes.split(separator: "\n") { print("  note: \(line)") }
            for attempt in attempts {
                print("  \(StoreText.date(attempt.at))  \(attempt.outcome.rawValue)  \(attempt.agentID ?? "-")"
                      + (attempt.note.map { "  \($0)" } ?? ""))
            }
        }
    }
}

/// The `--json` shape of `callback show`.
struct CallbackWithAttempts: Encodable {
    let callback: CallbackRecord
    let attempts: [CallbackAttempt]
}
