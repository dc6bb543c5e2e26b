import ArgumentParser
import CallQueue
import Foundation
import Storage

extension QueueCommand {
    /// `ivr queue show NAME [--json]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a queue's settings: strategy, wrap-up, max wait, ring timeout, hours, holidays, callback policy.")

        @Argument(help: "The queue (see 'ivr queue status').") var name: String
        @Flag(help: "Print one JSON object (keys as docs/QUEUE.md: name, strategy, wrap_up_s, max_wait_s, ring_timeout_s, ...).")
        var json = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let queue = try reportingRefusals { try store.openStore().queue(named: name) }
            if json { return try StoreText.printJSON(ShownQueue(queue)) }
            QueueSettingsText.print(queue)
        }
    }
}

/// `ivr queue show --json`: the settings plus the queue's title.
struct ShownQueue: Encodable {
    let title: String
    let settings: QueueSettings

    init(_ queue: QueueRecord) {
        title = queue.title
        settings = queue.settings
    }

    func encode(to encoder: Encoder) throws {
        try settings.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(title, forKey: .title)
    }

    enum Key: String, CodingKey { case title }
}

/// The settings as text, for `ivr queue show` and `ivr queue set`.
enum QueueSettingsText {
    static func print(_ queue: QueueRecord) {
        let s = queue.settings
        Swift.print("\(queue.name): hours \(queue.hours) (\(queue.timeZone)); callbacks: first after "
                    + "\(StoreText.duration(s.callbackInitialDelay)), \(s.callbackMaxAttempts) attempts, "
                    + "retry after \(StoreText.duration(s.callbackRetryDelay)), "
                    + "reservation \(StoreText.duration(s.callbackReservationTimeout))")
        let rows: [(String, String)] = [
            ("title", queue.title),
            ("strategy", s.strategy.rawValue),
            ("wrap-up", StoreText.duration(s.wrapUp)),
            ("max wait", s.maxWait > 0 ? StoreText.duration(s.maxWait) : "no limit"),
            ("ring timeout", StoreText.duration(s.ringTimeout)),
            ("join when empty", s.joinEmpty),
            ("leave when empty", s.leaveWhenEmpty),
            ("announce every", s.announceFrequency > 0 ? StoreText.duration(s.announceFrequency) : "never"),
            ("level widening", StoreText.duration(s.levelWideningStep)),
            ("holidays", s.holidays.isEmpty ? "none" : s.holidays.joined(separator: ", ")),
        ]
        for (key, value) in rows { Swift.print("  " + key.padding(toLength: 17, withPad: " ", startingAt: 0) + value) }
    }
}
