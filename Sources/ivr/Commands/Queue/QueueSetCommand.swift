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
        @Option(help: ArgumentHelp("Opening hours, e.g. 'mon-fri 09:00-17:30, sat 10:00-14:00'.", valueName: "HOURS")) var hours: String?
        @Option(help: ArgumentHelp("Time zone of the hours, e.g. Europe/London.", valueName: "TZ")) var timeZone: String?
        @Option(help: ArgumentHelp("Seconds after a request before the first attempt (0 to 604800).", valueName: "S")) var initialDelay: Double?
        @Option(help: ArgumentHelp("Attempts before a failing callback is closed (1 to 100).", valueName: "N")) var maxAttempts: Int?
        @Option(help: ArgumentHelp("Seconds between callback attempts (0 to 604800).", valueName: "S")) var retryDelay: Double?
        @Option(help: ArgumentHelp("Seconds a callback reservation lasts (1 to 604800).", valueName: "S")) var reservationTimeout: Double?
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
