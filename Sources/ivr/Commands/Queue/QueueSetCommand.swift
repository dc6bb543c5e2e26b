import ArgumentParser
import CallQueue
import Storage

extension QueueCommand {
    /// `ivr queue set NAME [--strategy S] [--wrap-up D] [--max-wait D] ... [--hours TEXT] [--holidays DATES]`.
    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change a queue's routing strategy, wrap-up, max wait, ring timeout, hours, holidays and callback policy.",
            discussion: """
                Durations: 10s, 2m, 1h or plain seconds. Hours: e.g. 'mon-fri 08:00-20:00, sat 09:00-17:00' \
                or 'always'; days not named are closed. A running `ivr serve` picks changes up within a second \
                (see docs/QUEUE.md). With no option, prints the settings.
                """)

        @Argument(help: "The queue (see 'ivr queue status').") var name: String
        @Option(help: ArgumentHelp("Routing strategy: \(RoutingStrategy.namesList).", valueName: "NAME")) var strategy: RoutingStrategy?
        @Option(help: ArgumentHelp("After-call work before the next call (0 to 1h).", valueName: "D")) var wrapUp: QueueDuration?
        @Option(help: ArgumentHelp("Longest wait before a caller leaves the queue; 0 = no limit.", valueName: "D")) var maxWait: QueueDuration?
        @Option(help: ArgumentHelp("How long an offer rings at a station (1s to 10m).", valueName: "D")) var ringTimeout: QueueDuration?
        @Option(help: ArgumentHelp("Refuse callers when the queue is empty: yes (never refuse), no, strict, or a list of paused,unavailable,inuse,ringing,wrapup.", valueName: "WHEN")) var joinEmpty: String?
        @Option(help: ArgumentHelp("Remove waiting callers when the queue becomes empty: no (never), yes, strict, or a list as --join-empty.", valueName: "WHEN")) var leaveWhenEmpty: String?
        @Option(help: ArgumentHelp("Time between position announcements; 0 = none.", valueName: "D")) var announceFrequency: QueueDuration?
        @Option(help: ArgumentHelp("skills: waiting time that widens eligibility by one level.", valueName: "D")) var levelWidening: QueueDuration?
        @Option(help: ArgumentHelp("Opening hours, e.g. 'mon-fri 09:00-17:30, sat 10:00-14:00'.", valueName: "HOURS")) var hours: String?
        @Option(help: ArgumentHelp("Time zone of the hours, e.g. Europe/London.", valueName: "TZ")) var timeZone: String?
        @Option(help: ArgumentHelp("Closed days, replacing the list: '2026-12-25,2026-12-28'; 'none' clears it.", valueName: "DATES")) var holidays: String?
        @Option(help: ArgumentHelp("Delay after a request before the first callback attempt (0 to 7d).", valueName: "D")) var initialDelay: QueueDuration?
        @Option(help: ArgumentHelp("Attempts before a failing callback is closed (1 to 100).", valueName: "N")) var maxAttempts: Int?
        @Option(help: ArgumentHelp("Time between callback attempts (0 to 7d).", valueName: "D")) var retryDelay: QueueDuration?
        @Option(help: ArgumentHelp("How long a callback reservation lasts (1s to 7d).", valueName: "D")) var reservationTimeout: QueueDuration?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let queue = try reportingRefusals {
                try store.openStore().updateQueueSettings(name) { s in
                    if let strategy { s.strategy = strategy }
                    if let wrapUp { s.wrapUp = wrapUp.seconds }
                    if let maxWait { s.maxWait = maxWait.seconds }
                    if let ringTimeout { s.ringTimeout = ringTimeout.seconds }
                    if let joinEmpty { s.joinEmpty = joinEmpty }
                    if let leaveWhenEmpty { s.leaveWhenEmpty = leaveWhenEmpty }
                    if let announceFrequency { s.announceFrequency = announceFrequency.seconds }
                    if let levelWidening { s.levelWideningStep = levelWidening.seconds }
                    if let hours { s.hours = hours }
                    if let timeZone { s.timeZone = timeZone }
                    if let holidays {
                        s.holidays = holidays == "none" ? [] : holidays.split(separator: ",")
                            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
                    }
                    if let initialDelay { s.callbackInitialDelay = initialDelay.seconds }
                    if let maxAttempts { s.callbackMaxAttempts = maxAttempts }
                    if let retryDelay { s.callbackRetryDelay = retryDelay.seconds }
                    if let reservationTimeout { s.callbackReservationTimeout = reservationTimeout.seconds }
                }
            }
            QueueSettingsText.print(queue)
        }
    }
}

/// A duration option: `10s`, `2m`, `1h`, `500ms` or plain seconds (negative values reach the
/// store's range check, which names the option).
struct QueueDuration: ExpressibleByArgument {
    let seconds: Double

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value.isFinite else { return nil }
            seconds = value * factor
            return
        }
        guard let value = Double(text) else { return nil }
        seconds = value
    }
}

extension RoutingStrategy: ExpressibleByArgument {}
