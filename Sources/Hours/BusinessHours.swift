import Foundation

/// What a schedule says about one moment: open, closed, or a holiday (closed for a listed date).
public enum HoursStatus: String, Sendable {
    /// Inside an opening span.
    case open
    /// Outside every opening span on an ordinary day, or closed by an override.
    case closed
    /// On a listed holiday date that no override opens.
    case holiday
}

/// A change to the weekly schedule for one date or a range of dates (inclusive).
public struct HoursOverride: Sendable, Hashable {
    /// First date the override applies to.
    public let from: LocalDate
    /// Last date the override applies to (same as `from` for one day).
    public let through: LocalDate
    /// Opening spans on those dates; empty means closed all day.
    public let spans: [ClockInterval]

    /// An override; `spans` empty means closed.
    public init(from: LocalDate, through: LocalDate, spans: [ClockInterval]) {
        self.from = from; self.through = through; self.spans = spans
    }
}

/// Opening hours in a named IANA time zone: a weekly schedule, holiday dates, and overrides.
///
/// Precedence for a local date: an override covering it, else a holiday (closed, status
/// ``HoursStatus/holiday``), else the weekly schedule for its weekday. Local clock times are
/// converted to instants with the zone's rules for that day, so 09:00 stays 09:00 across
/// daylight-saving changes. Queries are fast: every local day in ``precomputedYears`` is
/// resolved once at init into UTC instants; other dates are computed on the fly.
public struct BusinessHours: Sendable {
    /// The zone the schedule is written in.
    public var timeZone: TimeZone { table.timeZone }
    /// Opening spans for each weekday, index 0 = Monday ... 6 = Sunday.
    public var weekly: [[ClockInterval]] { table.weekly }
    /// Dates on which the business is closed as a holiday.
    public var holidays: Set<LocalDate> { table.holidays }
    /// One-off changes; the last one listed wins when two cover the same date.
    public var overrides: [HoursOverride] { table.overrides }
    /// Years resolved in advance.
    public var precomputedYears: ClosedRange<Int> { table.precomputedYears }

    private struct Day: Sendable {
        var startUTC: Double
        var firstSpan: Int32
        var spanCount: Int16
        var holiday: Bool
    }
    /// The definition and the resolved days, shared by copies: copying the schedule (as a flow
    /// step does on every call) retains one reference, not six.
    private final class Table: Sendable {
        let timeZone: TimeZone
        let weekly: [[ClockInterval]]
        let holidays: Set<LocalDate>
        let overrides: [HoursOverride]
        let precomputedYears: ClosedRange<Int>
        let firstDayNumber: Int
        let days: [Day]
        let spansUTC: [(open: Double, close: Double)]
        init(timeZone: TimeZone, weekly: [[ClockInterval]], holidays: Set<LocalDate>, overrides: [HoursOverride],
             precomputedYears: ClosedRange<Int>, firstDayNumber: Int, days: [Day], spansUTC: [(open: Double, close: Double)]) {
            self.timeZone = timeZone; self.weekly = weekly; self.holidays = holidays; self.overrides = overrides
            self.precomputedYears = precomputedYears
            self.firstDayNumber = firstDayNumber; self.days = days; self.spansUTC = spansUTC
        }
    }
    private let table: Table
    private var firstDayNumber: Int { table.firstDayNumber }
    private var days: [Day] { table.days }
    private var spansUTC: [(open: Double, close: Double)] { table.spansUTC }

    /// Builds the schedule and resolves every day of `precomputedYears`.
    public init(timeZone: TimeZone, weekly: [[ClockInterval]], holidays: Set<LocalDate> = [],
                overrides: [HoursOverride] = [], precomputedYears: ClosedRange<Int> = 2024...2032) {
        precondition(weekly.count == 7, "weekly needs 7 days, Monday first")
        let first = LocalDate(year: precomputedYears.lowerBound, month: 1, day: 1)!.dayNumber
        let last = LocalDate(year: precomputedYears.upperBound, month: 12, day: 31)!.dayNumber
        var days: [Day] = []
        var spans: [(open: Double, close: Double)] = []
        days.reserveCapacity(last - first + 1)
        for n in first...last {
            let resolved = Self.resolve(dayNumber: n, timeZone: timeZone, weekly: weekly,
                                        holidays: holidays, overrides: overrides)
            days.append(Day(startUTC: resolved.start, firstSpan: Int32(spans.count),
                            spanCount: Int16(resolved.spans.count), holiday: resolved.holiday))
            spans.append(contentsOf: resolved.spans)
        }
        self.table = Table(timeZone: timeZone, weekly: weekly, holidays: holidays, overrides: overrides,
                           precomputedYears: precomputedYears, firstDayNumber: first, days: days, spansUTC: spans)
    }

    /// True when `date` falls inside an opening span.
    public func isOpen(at date: Date) -> Bool { status(at: date) == .open }

    /// Open, closed, or holiday at `date`.
    public func status(at date: Date) -> HoursStatus {
        let t = date.timeIntervalSince1970
        if let i = dayIndex(containing: t) {
            let day = days[i]
            for k in Int(day.firstSpan)..<Int(day.firstSpan) + Int(day.spanCount) {
                let span = spansUTC[k]
                if t >= span.open && t < span.close { return .open }
            }
            return day.holiday ? .holiday : .closed
        }
        let local = localDayNumber(of: t)
        let resolved = resolve(local)
        if resolved.spans.contains(where: { t >= $0.open && t < $0.close }) { return .open }
        return resolved.holiday ? .holiday : .closed
    }

    /// The earliest instant at or after `date` when the business is open (`date` itself if open
    /// now), or nil if no opening is found within 400 days.
    public func nextOpening(after date: Date) -> Date? {
        let t = date.timeIntervalSince1970
        if let first = dayIndex(containing: t) {
            // Fast path: scan the precomputed days without allocating.
            for i in first..<min(days.count, first + 400) {
                let day = days[i]
                for k in Int(day.firstSpan)..<Int(day.firstSpan) + Int(day.spanCount) where spansUTC[k].close > t {
                    return Date(timeIntervalSince1970: max(spansUTC[k].open, t))
                }
            }
        }
        let startDay = localDayNumber(of: t)
        for n in (startDay - 1)...(startDay + 400) {
            for span in spans(ofDayNumber: n) where span.close > t {
                return Date(timeIntervalSince1970: max(span.open, t))
            }
        }
        return nil
    }

    /// The opening spans that overlap `[from, until)`, as seconds since 1970, in order;
    /// spans that meet (closing at midnight, reopening at midnight) are merged into one.
    /// Lets a driver answer "open at t?" by a search in a short list.
    public func openSpans(from: Date, until: Date) -> [Range<Double>] {
        let start = from.timeIntervalSince1970, end = until.timeIntervalSince1970
        guard end > start else { return [] }
        var out: [Range<Double>] = []
        for n in (localDayNumber(of: start) - 1)...(localDayNumber(of: end) + 1) {
            for span in spans(ofDayNumber: n) where span.close > start && span.open < end && span.close > span.open {
                if let last = out.last, span.open <= last.upperBound {
                    out[out.count - 1] = last.lowerBound..<max(last.upperBound, span.close)
                } else {
                    out.append(span.open..<span.close)
                }
            }
        }
        return out
    }

    // MARK: - Resolution

    private func spans(ofDayNumber n: Int) -> [(open: Double, close: Double)] {
        let i = n - firstDayNumber
        if i >= 0 && i < days.count {
            let day = days[i]
            return Array(spansUTC[Int(day.firstSpan)..<Int(day.firstSpan) + Int(day.spanCount)])
        }
        return resolve(n).spans
    }

    private func resolve(_ n: Int) -> (start: Double, spans: [(open: Double, close: Double)], holiday: Bool) {
        Self.resolve(dayNumber: n, timeZone: timeZone, weekly: weekly, holidays: holidays, overrides: overrides)
    }

    private func dayIndex(containing t: Double) -> Int? {
        guard !days.isEmpty, t >= days[0].startUTC else { return nil }
        var i = Int((t - days[0].startUTC) / 86_400)
        if i >= days.count { i = days.count - 1 }
        while i > 0 && days[i].startUTC > t { i -= 1 }
        while i + 1 < days.count && days[i + 1].startUTC <= t { i += 1 }
        if i == days.count - 1 && t >= days[i].startUTC + 90_000 { return nil }
        return i
    }

    private func localDayNumber(of t: Double) -> Int {
        let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        return Int(((t + offset) / 86_400).rounded(.down))
    }

    private static func resolve(dayNumber n: Int, timeZone: TimeZone, weekly: [[ClockInterval]],
                                holidays: Set<LocalDate>, overrides: [HoursOverride])
        -> (start: Double, spans: [(open: Double, close: Double)], holiday: Bool) {
        let date = LocalDate(dayNumber: n)
        var local = weekly[LocalDate.weekday(ofDayNumber: n)]
        var holiday = false
        if let override = overrides.last(where: { $0.from <= date && date <= $0.through }) {
            local = override.spans
        } else if holidays.contains(date) {
            local = []
            holiday = true
        }
        let midnight = Double(n) * 86_400
        // One zone lookup at each end of the day; only a day with a clock change needs more.
        let before = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight - 50_400)))
        let after = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight + 86_400 + 50_400)))
        let toUTC: (Double) -> Double = before == after ? { $0 - before } : { utc(localSeconds: $0, timeZone) }
        let spans = local.map { span in
            (open: toUTC(midnight + Double(span.start) * 60), close: toUTC(midnight + Double(span.end) * 60))
        }
        return (toUTC(midnight), spans, holiday)
    }

    /// The instant whose local wall-clock reading (as seconds since 1970 "local") is `local`.
    /// Times skipped by a clock change land an hour later; repeated times take the first.
    static func utc(localSeconds local: Double, _ timeZone: TimeZone) -> Double {
        let first = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let second = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local - first)))
        if first == second { return local - first }
        // Near a transition: prefer the reading that round-trips.
        let candidate = local - second
        let back = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate)))
        return candidate + back == local ? candidate : local - first
    }
}
