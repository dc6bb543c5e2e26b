import ArgumentParser
import Storage

extension QueueCommand {
    /// `ivr queue set NAME [--hours TEXT] [--time-zone TZ] [--initial-delay S] [--max-attempts N] [--retry-delay S] [--reservation-timeout S]`.
    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change a queue's opening hours and callback policy.",
            discussion: "Hours: e.g. 'mon-fri 08:00-20:00, sat 09:00-17:00' or 'always'. Days not named are closed.")

        @Argument(help: "The queue (see 'ivr queue status').") var name: String
        @Option(help: "Opening hours.") var hours: String?
        @Option(help: "Time zone of the hours, e.g. Europe/London.") var timeZone: String?
        @Option(help: "Seconds after a request before the first attempt.") var initialDelay: Double?
        @Option(help: "Attempts before a failing callback is closed.") var maxAttempts: Int?
        @Option(help: "Seconds between callback attempts.") var retryDelay: Double?
        @Option(help: "Seconds a callback reservation lasts.") var reservationTimeout: Double?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let queue = try reportingRefusals {
                try store.openStore().updateQueue(name, hours: hours, timeZone: timeZone, initialDelay: initialDelay,
                                                  maxAttempts: maxAttempts,
                                                  retryDelay: retryDelay, reservationTimeout: reservationTimeout)
            }
            print("\(queue.name): hours \(queue.hours) (\(queue.timeZone)); callbacks: first after "
                  + "\(StoreText.duration(queue.callbackInitialDelay)), \(queue.callbackMaxAttempts) attempts, "
                  + "retry after \(StoreText.duration(queue.callbackRetryDelay)), "
                  + "reservation \(StoreText.duration(queue.callbackReservationTimeout))")
        }
    }
}
