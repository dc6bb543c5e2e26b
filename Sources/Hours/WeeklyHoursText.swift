import Foundation

/// Opening hours written as text, the form users give a queue (`ivr queue set --hours`, a
/// scenario's `queues: {NAME: {hours: ...}}`): `mon-fri 08:00-20:00, sat 09:00-17:00`
/// (days not named are closed; `24:00` ends at midnight; `always` is open all the time).
public enum WeeklyHoursText {
    /// One opening: a weekday (1 = Sunday … 7 = Saturday, as `Calendar`) and minutes since midnight.
    public struct Opening: Sendable, Hashable {
        /// Weekday, 1 = Sunday … 7 = Saturday.
        public let weekday: Int
        /// Opening minute of the day (0…1439).
        public let start: Int
        /// Closing minute of the day (1…1440), after `start`.
        public let end: Int
    }

    /// Why hours text cannot be read: the part and what it should be.
    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong, e.g. `'9-5' should be HH:MM-HH:MM with the opening before the closing`.
        public let reason: String
    }

    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The openings in the order written.
    public static func openings(_ text: String) throws(Problem) -> [Opening] {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "always" { return (1...7).map { Opening(weekday: $0, start: 0, end: 1440) } }
        var result: [Opening] = []
        for part in trimmed.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else {
                throw Problem(reason: "'\(part.trimmingCharacters(in: .whitespaces))' should be DAYS HH:MM-HH:MM")
            }
            let days = try Self.days(String(words[0]))
            let (start, end) = try Self.times(String(words[1]))
            result += days.map { Opening(weekday: $0, start: start, end: end) }
        }
        return result
    }

    /// The opening hours model for `text` in `timeZone`, closed on `holidays`.
    public static func businessHours(_ text: String, timeZone: TimeZone,
                                     holidays: Set<LocalDate> = []) throws(Problem) -> BusinessHours {
        businessHours(try openings(text), timeZone: timeZone, holidays: holidays)
    }

    /// The opening hours model for parsed openings.
    public static func businessHours(_ openings: [Opening], timeZone: TimeZone, holidays: Set<LocalDate>) -> BusinessHours {
        // BusinessHours lists spans Monday first; Opening.weekday is 1 = Sunday.
        var weekly = [[ClockInterval]](repeating: [], count: 7)
        for o in openings.sorted(by: { $0.start < $1.start }) {
            if let span = ClockInterval(start: o.start, end: o.end) { weekly[(o.weekday + 5) % 7].append(span) }
        }
        return BusinessHours(timeZone: timeZone, weekly: weekly, holidays: holidays)
    }

    /// ISO dates (`2026-12-25`) as local dates; throws naming the first that is not one.
    public static func holidays(_ texts: [String]) throws(Problem) -> Set<LocalDate> {
        var closed: Set<LocalDate> = []
        for day in texts {
            guard let date = LocalDate(iso: Substring(day)) else {
                throw Problem(reason: "holiday '\(day)' is not a date; write YYYY-MM-DD, e.g. 2026-12-25")
            }
            closed.insert(date)
        }
        return closed
    }

    private static func days(_ word: String) throws(Problem) -> [Int] {
        let ends = word.split(separator: "-").map(String.init)
        var indexes: [Int] = []
        for name in ends {
            guard let index = dayNames.firstIndex(of: name) else {
                throw Problem(reason: "'\(name)' is not a day (use mon, tue, wed, thu, fri, sat, sun)")
            }
            indexes.append(index)
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
        default: throw Problem(reason: "'\(word)' should be a day or a range like mon-fri")
        }
    }

    private static func times(_ word: String) throws(Problem) -> (Int, Int) {
        let ends = word.split(separator: "-").map(String.init)
        guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else {
            throw Problem(reason: "'\(word)' should be HH:MM-HH:MM with the opening before the closing")
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
