import CallFlow
import CallQueue
import Foundation

/// A flow's `BusinessHours` seen as the queue manager's `OpeningSchedule` on the simulator's clock.
///
/// Virtual time t is the instant `origin + t` (seconds since 1970), so the store's callbacks
/// are worked only in its opening hours, with holidays and clock changes as the flow defines them.
/// The opening spans of the simulated period are resolved once, in virtual time, so the queue
/// manager's many questions are a binary search in a short list; outside it (a run that goes on
/// after its horizon) the calendar is asked directly.
struct HoursSchedule: OpeningSchedule {
    let hours: BusinessHours
    /// Seconds since 1970 at virtual time 0.
    let origin: Double
    /// Virtual time up to which `spans` is complete.
    let horizon: Double
    /// Opening spans in virtual time, sorted, not touching, covering `[0, horizon)`.
    let spans: [Range<Double>]

    /// Resolves the spans of `[0, horizon)` (default: 400 days).
    init(hours: BusinessHours, origin: Double, horizon: Double = 400 * 86_400) {
        self.hours = hours
        self.origin = origin
        self.horizon = horizon
        spans = hours.openSpans(from: Date(timeIntervalSince1970: origin),
                                until: Date(timeIntervalSince1970: origin + horizon))
            .map { ($0.lowerBound - origin)..<($0.upperBound - origin) }
    }

    func isOpen(at t: Double) -> Bool {
        guard t >= 0, t < horizon else { return hours.isOpen(at: Date(timeIntervalSince1970: origin + t)) }
        let i = firstSpan(endingAfter: t)
        return i < spans.count && spans[i].lowerBound <= t
    }

    func nextOpening(after t: Double) -> Double? {
        if t >= 0, t < horizon {
            let i = firstSpan(endingAfter: t)
            if i < spans.count { return max(spans[i].lowerBound, t) }
        }
        return hours.nextOpening(after: Date(timeIntervalSince1970: origin + t)).map { $0.timeIntervalSince1970 - origin }
    }

    /// Index of the first span whose end is after `t` (`spans.count` if none).
    private func firstSpan(endingAfter t: Double) -> Int {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) >> 1
            if spans[mid].upperBound > t { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
