import ArgumentParser
import Storage

extension CallbackCommand {
    /// `ivr callback list [--all] [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List open callbacks in keep-your-place order (with --all, closed ones too).")
        @Flag(help: "Include closed callbacks.") var all = false
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let callbacks = try reportingRefusals { try store.openStore().callbacks(includeClosed: all) }
            if json { return try StoreText.printJSON(callbacks) }
            if callbacks.isEmpty { return print("no callbacks") }
            let now = store.now
            StoreText.printTable(
                ["ID", "NUMBER", "QUEUE", "STATUS", "IN LINE FROM", "DUE", "TRIES", "AGENT", "TOPIC"],
                callbacks.map { callback in
                    var status = callback.status.rawValue
                    if callback.status == .reserved, let until = callback.reservedUntil, until <= now { status += " (lapsed)" }
                    if callback.status == .closed, let outcome = callback.outcome { status += " (\(outcome.rawValue))" }
                    return [String(callback.id ?? 0), callback.number, callback.queue, status,
                            StoreText.date(callback.joinedAt), StoreText.date(callback.due),
                            "\(callback.attempts)/\(callback.maxAttempts)", callback.reservedBy ?? "-", callback.topic ?? "-"]
                })
        }
    }
}
