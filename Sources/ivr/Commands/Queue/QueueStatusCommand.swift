import ArgumentParser
import Storage

extension QueueCommand {
    /// `ivr queue status [--json]`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per queue: open or closed, callers waiting, oldest wait, callbacks due/scheduled/reserved, agents by state.")

        @OptionGroup var store: StoreLocationOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let statuses = try reportingRefusals { try store.openStore().queueStatus(now: store.now) }
            if json { return try StoreText.printJSON(statuses) }
            StoreText.printTable(
                ["QUEUE", "OPEN", "WAITING", "OLDEST", "CB-DUE", "CB-LATER", "CB-RESERVED", "AGENTS"],
                statuses.map { status in
                    [status.queue, status.open ? "yes" : "no", String(status.callersWaiting),
                     StoreText.duration(status.oldestWait), String(status.callbacksDue),
                     String(status.callbacksScheduled), String(status.callbacksReserved), agents(status.agents)]
                })
        }

        private func agents(_ counts: [String: Int]) -> String {
            let shown = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            return shown.isEmpty ? "none" : shown.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
    }
}
