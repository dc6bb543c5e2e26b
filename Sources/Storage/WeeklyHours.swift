import CallQueue
import Foundation

/// A queue's opening hours: a weekly pattern in one time zone.
///
/// Written as text, e.g. `mon-fri 08:00-20:00, sat 09:00-17:00` (days not named are
/// closed; `24:00` ends at midnight; `always` means open all the time). Callbacks are
/// only handed to agents while their queue is open, and one requested after hours is
/// due at the next opening.
public struct WeeklyHours: Sendable, Hashable, CustomStringConvertible {
    /// One opening: a weekday (1 = Sunday … 7 = Saturday, as `Calendar`) and minutes since midnight.
    public struct Opening: Sendable, Hashable {
        /// Weekday, 1 = Sunday … 7 = Saturday.
        public let weekday: Int
        /// Opening minute of the day (0…1439).
        public let start: Int
        /// Closing minute of the day (1…1440), after `start`.
        public let end: Int
    }

    /// The openings, in the order written.
    public let openings: [Opening]
    /// The time zone the hours are written in.
    public let timeZone: TimeZone
    /// The text the hours were parsed from.
    public let text: String

    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Parses hours text in the time zone with identifier `timeZoneID` (e.g. `Europe/London`).
    ///
    /// - Throws: `StoreError.invalidHours` naming the part that cannot be read.
    public init(_ text: String, timeZoneID: String) throws {
        guard let zone = TimeZone(identifier: timeZoneID) else {
            throw StoreError.invalidTimeZone(timeZoneID)
        }
        self.timeZone = zone
        self.text = text
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "always" {
            openings = (1...7).map { Opening(weekday: $0, start: 0, end: 1440) }
            return
        }
        var result: [Opening] = []
        for part in trimmed.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else { throw StoreError.invalidHours(text, "'\(part.trimmingCharacters(in: .whitespaces))' should be DAYS HH:MM-HH:MM") }
            let days = try Self.days(String(words[0]), text: text)
            let (start, end) = try Self.times(String(words[1]), text: text)
            result += days.map { Opening(weekday: $0, start: start, end: end) }
        }
        openings = result
    }

    /// The hours text.
    public var description: String { text }

    /// Whether the hours include `date`.
    public func isOpen(at date: Date) -> Bool {
        let (weekday, minute) = local(date)
        return openings.contains { $0.weekday == weekday && $0.start <= minute && minute < $0.end }
    }

    /// `date` itself if open then, else the next opening within a week, else nil (never open).
    public func nextOpening(atOrAfter date: Date) -> Date? {
        if isOpen(at: date) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let startOfToday = calendar.startOfDay(for: date)
        for dayOffset in 0...7 {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: startOfToday) else { continue }
            let weekday = calendar.component(.weekday, from: day)
            let starts = openings.filter { $0.weekday == weekday }.map(\.start).sorted()
            for start in starts {
                guard let opening = calendar.date(bySettingHour: start / 60, minute: start % 60, second: 0, of: day) else { continue }
                if opening > date { return opening }
            }
        }
        return nil
    }

    private func local(_ date: Date) -> (weekday: Int, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        return (parts.weekday ?? 1, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    private static func days(_ word: String, text: String) throws -> [Int] {
        let ends = word.split(separator: "-").map(String.init)
        let indexes = try ends.map { name -> Int in
            guard let index = dayNames.firstIndex(of: name) else {
                throw StoreError.invalidHours(text, "'\(name)' is not a day (use mon, tue, wed, thu, fri, sat, sun)")
            }
            return index
        }
        switch indexes.count {
        case 1: return [indexes[0] + 1]
        case 2:
            var result: [Int] = []
            var day = indexes[0]
            while true {
                result.append(day + 1)
                if day == indexes[1] { break }
                day = (day + 1) % 7
            }
            return result
        default: throw StoreError.invalidHours(text, "'\(word)' should be a day or a range like mon-fri")
        }
    }

    private static func times(_ word: String, text: String) throws -> (Int, Int) {
        let ends = word.split(separator: "-").map(String.init)
        guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else {
            throw StoreError.invalidHours(text, "'\(word)' should be HH:MM-HH:MM with the opening before the closing")
        }
        return (start, end)
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        return hour * 60 + minute
    }
}

/// The hours as `CallQueue`'s schedule, with driver time = Unix seconds, so the
/// queue manager's callback rules (`CallbackRules`) can be applied to stored callbacks.
extension WeeklyHours: OpeningSchedule {
    /// Whether open at Unix time `t`.
    public func isOpen(at t: Double) -> Bool { isOpen(at: Date(timeIntervalSince1970: t)) }

    /// The next opening after Unix time `t` (called when closed at `t`), or nil if never open.
    public func nextOpening(after t: Double) -> Double? {
        nextOpening(atOrAfter: Date(timeIntervalSince1970: t))?.timeIntervalSince1970
    }
}
