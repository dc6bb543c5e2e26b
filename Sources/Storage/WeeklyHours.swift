import CallQueue
import Foundation
import Hours

/// A queue's opening hours: a weekly pattern in one time zone.
///
/// Written as text, e.g. `mon-fri 08:00-20:00, sat 09:00-17:00` (days not named are
/// closed; `24:00` ends at midnight; `always` means open all the time). Callbacks are
/// only handed to agents while their queue is open, and one requested after hours is
/// due at the next opening. The text is parsed into the shared ``BusinessHours`` model
/// (module `Hours`, also used by flows), which answers every question about time.
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
    /// The parsed hours as the shared opening-hours model.
    public let businessHours: BusinessHours

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
        let openings = try Self.openings(text)
        self.openings = openings
        // BusinessHours lists spans Monday first; Opening.weekday is 1 = Sunday.
        var weekly = [[ClockInterval]](repeating: [], count: 7)
        for o in openings.sorted(by: { $0.start < $1.start }) {
            if let span = ClockInterval(start: o.start, end: o.end) { weekly[(o.weekday + 5) % 7].append(span) }
        }
        businessHours = BusinessHours(timeZone: zone, weekly: weekly)
    }

    private static func openings(_ text: String) throws -> [Opening] {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "always" { return (1...7).map { Opening(weekday: $0, start: 0, end: 1440) } }
        var result: [Opening] = []
        for part in trimmed.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2 else { throw StoreError.invalidHours(text, "'\(part.trimmingCharacters(in: .whitespaces))' should be DAYS HH:MM-HH:MM") }
            let days = try Self.days(String(words[0]), text: text)
            let (start, end) = try Self.times(String(words[1]), text: text)
            result += days.map { Opening(weekday: $0, start: start, end: end) }
        }
        return result
    }

    /// Same text in the same zone.
    public static func == (a: WeeklyHours, b: WeeklyHours) -> Bool {
        a.text == b.text && a.timeZone == b.timeZone
    }

    /// Hashes the text and zone.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(timeZone)
    }

    /// The hours text.
    public var description: String { text }

    /// Whether the hours include `date`.
    public func isOpen(at date: Date) -> Bool { businessHours.isOpen(at: date) }

    /// `date` itself if open then, else the next opening, else nil (never open).
    public func nextOpening(atOrAfter date: Date) -> Date? {
        openings.isEmpty ? nil : businessHours.nextOpening(after: date)
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
