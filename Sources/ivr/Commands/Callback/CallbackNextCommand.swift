import ArgumentParser
import Foundation
import Storage
#if canImport(Glibc)
import Glibc
#endif

extension CallbackCommand {
    /// `ivr callback next --agent ID [--json]`: exit 3 and no output when nothing is due.
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reserve the next due callback for an agent and print it (exit 3 if none is due).",
            discussion: """
                Callbacks are handed out in keep-your-place order (the time the caller first joined) among \
                those due, in queues the agent serves and that are open. The reservation lasts the queue's \
                reservation timeout; then the callback returns to the pool. Asking again while holding one \
                prints the same callback.
                """)

        @Option(help: "The agent taking the callback.") var agent: String
        @Flag(help: "Print JSON (at least id, number, queue, due, attempts).") var json = false
        @Flag(help: ArgumentHelp("Have the running `ivr serve` ring your SIP phone, then call the customer through its "
                                 + "trunk (serve.yaml sip: trunk:), and record the outcome; follows the call until it ends."))
        var dial = false
        @Option(help: .hidden) var holdTransaction: Double?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let hold = holdTransaction
            let opened = try store.openStore()
            let reservation = try reportingRefusals {
                try opened.reserveNextCallback(agent: agent, now: store.now) {
                    guard let hold else { return }
                    // Test hook: announce, then sit inside the open transaction (to be killed).
                    FileHandle.standardError.write(Data("holding transaction\n".utf8))
                    Thread.sleep(forTimeInterval: hold)
                }
            }
            guard let reservation else { throw ExitCode(StoreExitCode.nothingDue) }
            let callback = reservation.callback
            if json {
                try StoreText.printJSON(NextCallbackJSON(callback, resumed: reservation.resumed))
            } else {
                printText(callback, resumed: reservation.resumed)
            }
            fflush(nil)
            guard dial, let id = callback.id else { return }
            try CallbackDial.run(id: id, agent: agent, data: opened.directory.url) { line in
                if json {
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                } else {
                    print(line)
                    fflush(nil)
                }
            }
        }

        private func printText(_ callback: CallbackRecord, resumed: Bool) {
            let topic = callback.topic.map { ", topic: \($0)" } ?? ""
            print("callback \(callback.id ?? 0): call \(callback.number) (\(callback.queue)\(topic)), "
                  + "attempt \(callback.attempts + 1) of \(callback.maxAttempts), "
                  + "reserved for \(agent) until \(StoreText.date(callback.reservedUntil))"
                  + (resumed ? " (already yours)" : ""))
            if !callback.notes.isEmpty { print(callback.notes.split(separator: "\n").map { "  note: \($0)" }.joined(separator: "\n")) }
        }
    }
}

/// The `--json` shape of `callback next`: the stored callback plus `resumed`.
struct NextCallbackJSON: Encodable {
    let callback: CallbackRecord
    let resumed: Bool

    init(_ callback: CallbackRecord, resumed: Bool) {
        self.callback = callback
        self.resumed = resumed
    }

    private enum Keys: String, CodingKey { case resumed }

    func encode(to encoder: Encoder) throws {
        try callback.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(resumed, forKey: .resumed)
    }
}
