import ArgumentParser
import CallQueue
import Storage

extension CallbackCommand {
    /// `ivr callback request NUMBER... [--queue Q] [--topic T]`.
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Request a callback (merges with an open request from the same number).",
            discussion: """
                National numbers are read as UK numbers: 020 7946 0018 is +442079460018. Several numbers \
                may be given; if any is malformed, none is stored.
                """)

        @Argument(help: "The number(s) to call back.") var numbers: [String]
        @Option(help: "Queue whose agents call back (default: general).") var queue: String?
        @Option(help: "What the caller wants.") var topic: String?
        @OptionGroup var store: StoreLocationOptions

        func validate() throws {
            if numbers.isEmpty { throw ValidationError("give the number to call back, e.g. '020 7946 0018'") }
        }

        func run() throws {
            let results = try reportingRefusals {
                let parsed = try numbers.map { try PhoneNumber(parsing: $0) }
                let opened = try store.openStore()
                return try parsed.map {
                    try opened.requestCallback(CallbackRequest(number: $0, queue: queue, topic: topic, source: .manual),
                                               now: store.now)
                }
            }
            for result in results { report(result) }
        }

        private func report(_ result: CallbackRequestResult) {
            let callback = result.callback
            if result.merged {
                print("merged with callback \(callback.id ?? 0) for \(callback.number) (\(callback.queue)), "
                      + "which keeps its place from \(StoreText.date(callback.joinedAt))")
            } else {
                print("callback \(callback.id ?? 0) for \(callback.number) in \(callback.queue), due \(StoreText.date(callback.due))")
            }
        }
    }
}
