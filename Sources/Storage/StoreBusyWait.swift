import Foundation

/// How a writer waits while another connection (another `ivr` process, or another agent's
/// session) holds the database's write lock.
///
/// SQLite's own `busy_timeout` sleeps 1, 2, 5, 10 ... then 100 ms between tries, so when several
/// writers queue, the one that has waited longest sleeps longest and can lose the lock again and
/// again to newcomers: with eight agents draining callbacks at once, a write could starve for the
/// whole timeout. Here the sleep grows only to 4 ms (with a little jitter so waiters do not wake
/// in step), which keeps every waiter in the race, and the writer gives up after
/// `Store.busyTimeout` seconds of sleeping, as before.
enum StoreBusyWait {
    /// The longest sleep between two tries, in microseconds.
    static let longestSleep: UInt32 = 4_000

    /// Sleep before try `tries + 1`, in microseconds (without jitter): 250 µs, growing to 4 ms.
    static func sleep(beforeTry tries: Int) -> UInt32 {
        min(longestSleep, UInt32(250 * (1 + min(tries, 64))))
    }

    /// Microseconds slept in total before try `tries + 1` (jitter left out).
    static func slept(beforeTry tries: Int) -> Double {
        let growing = min(tries, 15)
        var total = 0.0
        for t in 0..<growing { total += Double(sleep(beforeTry: t)) }
        return total + Double(max(0, tries - growing)) * Double(longestSleep)
    }

    /// The busy handler: sleeps and answers whether to try again (false: the write fails with
    /// "database is locked" after `Store.busyTimeout` seconds).
    @Sendable static func shouldRetry(_ tries: Int) -> Bool {
        guard slept(beforeTry: tries) < Store.busyTimeout * 1e6 else { return false }
        usleep(sleep(beforeTry: tries) + UInt32.random(in: 0...250))
        return true
    }
}
