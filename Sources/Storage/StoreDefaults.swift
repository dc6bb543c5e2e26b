/// What a fresh data directory starts with: the store's four queues and their hours.
///
/// Hours are the phone line's (`flows/store.yaml`, schedule `store`): Monday to
/// Friday 09:00-17:30, Saturday 10:00-14:00, in `Europe/London`; payments keeps
/// office hours. (Bank holidays are the flow's business; the store's weekly hours
/// do not list them.) Callback policy (Amazon Connect's
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
                    callbackReservationTimeout: reservationTimeout)
    }
}
