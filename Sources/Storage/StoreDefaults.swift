/// What a fresh data directory starts with: the store's four queues and their hours.
///
/// Hours are the phone line's (`flows/store.yaml`, schedule `store`): Monday to
/// Friday 09:00-17:30, Saturday 10:00-14:00, in `Europe/London`; payments keeps
/// office hours. Closed on the bank holidays of England and Wales, as the flow is
/// (`flows/store.yaml`), so callbacks asked for after hours land on a working day.
/// Callback policy (Amazon Connect's
/// terms): 3 attempts, 10 minutes between attempts, a reservation lasts 10 minutes.
public enum StoreDefaults {
    /// Hours of the orders, returns and general queues: the phone line's hours.
    public static let lineHours = "mon-fri 09:00-17:30, sat 10:00-14:00"
    /// Hours of the payments queue (the finance team works office hours).
    public static let officeHours = "mon-fri 09:00-17:30"
    /// Time zone of the default hours.
    public static let timeZone = "Europe/London"
    /// Attempts before a callback is closed.
    public static let maxAttempts = 3
    /// Seconds between attempts.
    public static let retryDelay = 600.0
    /// Seconds a reservation lasts.
    public static let reservationTimeout = 600.0
    /// Bank holidays of England and Wales 2026-2027 (as `flows/store.yaml`'s schedule).
    public static let holidays = [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
        "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
        "2027-12-27", "2027-12-28",
    ]
    /// The queue a callback goes to when none is named.
    public static let defaultQueue = "general"

    /// The default queues.
    public static let queues: [QueueRecord] = [
        queue("orders", "Orders and delivery", lineHours),
        queue("payments", "Payments and refunds", officeHours),
        queue("returns", "Returns and exchanges", lineHours),
        queue("general", "Everything else", lineHours),
    ]

    private static func queue(_ name: String, _ title: String, _ hours: String) -> QueueRecord {
        QueueRecord(name: name, title: title, hours: hours, timeZone: timeZone, callbackInitialDelay: 0,
                    callbackMaxAttempts: maxAttempts, callbackRetryDelay: retryDelay,
                    callbackReservationTimeout: reservationTimeout, holidays: holidays.joined(separator: ", "))
    }
}
