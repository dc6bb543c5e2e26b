import CallFlow
import CallQueue
import Foundation

/// A flow's `BusinessHours` seen as the queue manager's `OpeningSchedule` on the simulator's clock.
///
/// Virtual time t is the instant `origin + t` (seconds since 1970), so the store's callbacks
/// are worked only in its opening hours, with holidays and clock changes as the flow defines them.
struct HoursSchedule: OpeningSchedule {
    let hours: BusinessHours
    /// Seconds since 1970 at virtual time 0.
    let origin: Double

    func isOpen(at t: Double) -> Bool {
        hours.isOpen(at: Date(timeIntervalSince1970: origin + t))
    }

    func nextOpening(after t: Double) -> Double? {
        hours.nextOpening(after: Date(timeIntervalSince1970: origin + t)).map { $0.timeIntervalSince1970 - origin }
    }
}
