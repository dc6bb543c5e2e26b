/// A calendar date with no time zone (a "local day"), e.g. a bank holiday `2026-12-25`.
///
/// Stored as year, month, day; ``dayNumber`` counts days from 1970-01-01 in the proleptic
/// Gregorian calendar so that date arithmetic needs no `Calendar`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, e.g. 2026.
    public let year: Int
    /// Month, 1-12.
    public let month: Int
    /// Day of the month, 1-31.
    public let day: Int

    /// A date, or nil when the day does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Day of the week, 0 = Monday ... 6 = Sunday.
    public var weekday: Int { LocalDate.weekday(ofDayNumber: dayNumber) }

    /// Day of the week for a day number, 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(ofDayNumber n: Int) -> Int { ((n % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Orders by day.
    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    /// Why `year-month-day` is not a date (`February 2026 has 28 days, not 30`), or nil when it is.
    public static func problem(year: Int, month: Int, day: Int) -> String? {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        guard (1...12).contains(month) else { return "there is no month \(month) (months are 01 to 12)" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else { return "\(months[month - 1]) \(year) has \(days) days, not \(day)" }
        return nil
    }

    /// ``problem(year:month:day:)`` for the `YYYY-MM-DD` at the start of `text` (a date or a
    /// date and time); nil when it is a real date or does not start with digits in that form.
    public static func problem(inISO text: some StringProtocol) -> String? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return problem(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A span of local clock time within one day, in minutes from midnight: `[start, end)`.
///
/// `end` may be 1440 (`24:00`). Opening hours that cross midnight are written as two spans.
public struct ClockInterval: Sendable, Hashable, CustomStringConvertible {
    /// Minutes from local midnight when the span starts.
    public let start: Int
    /// Minutes from local midnight when the span ends (exclusive), at most 1440.
    public let end: Int

    /// A span; nil unless `0 <= start < end <= 1440`.
    public init?(start: Int, end: Int) {
        guard start >= 0, start < end, end <= 1440 else { return nil }
        self.start = start; self.end = end
    }

    /// `HH:MM-HH:MM`.
    public var description: String {
        func hm(_ m: Int) -> String {
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm < 10 ? "0\(mm)" : "\(mm)")
        }
        return "\(hm(start))-\(hm(end))"
    }
}
