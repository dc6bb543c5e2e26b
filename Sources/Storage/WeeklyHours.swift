import CallQueue
import Foundation
import Hours

/// A queue's opening hours: a weekly pattern in one time zone, closed on its holidays.
///
/// Written as text, e.g. `mon-fri 08:00-20:00, sat 09:00-17:00` (days not named are
/// closed; `24:00` ends at midnight; `always` means open all the time). Callbacks are
/// only handed to agents while their queue is open, and one requested after hours is
/// due at the next opening. The text is parsed into the shared ``BusinessHours`` model
/// (module `Hours`, also used by flows), which answers every question about time.
public struct WeeklyHours: Sendable, Hashable, CustomStringConvertible {
    /// One opening: a weekday (1 = Sunday … 7 = Saturday) and minutes since midnight.
    public typealias Opening = WeeklyHoursText.Opening

    /// The openings, in the order written.
    public let openings: [Opening]
    /// The time zone the hours are written in.
    public let timeZone: TimeZone
    /// The text the hours were parsed from.
    public let text: String
    /// Closed days (bank holidays) in the hours' time zone.
    public let holidays: Set<LocalDate>
    /// The parsed hours as the shared opening-hours model.
    public let businessHours: BusinessHours

    /// Parses hours text in the time zone with identifier `timeZoneID` (e.g. `Europe/London`).
    ///
    /// - Throws: `StoreError.invalidHours` naming the part that cannot be read.
    public init(_ text: String, timeZoneID: String, holidays: [String] = []) throws {
        guard let zone = TimeZone(identifier: timeZoneID) else {
            throw StoreError.invalidTimeZone(timeZoneID)
        }
        self.timeZone = zone
        self.text = text
        do {
            openings = try WeeklyHoursText.openings(text)
        } catch {
            throw StoreError.invalidHours(text, error.reason)
        }
        do {
            self.holidays = try WeeklyHoursText.holidays(holidays)
        } catch {
            throw StoreError.invalidSetting(error.reason)
        }
        businessHours = WeeklyHoursText.businessHours(openings, timeZone: zone, holidays: self.holidays)
    }

    /// Same text in the same zone.
    public static func == (a: WeeklyHours, b: WeeklyHours) -> Bool {
        a.text == b.text && a.timeZone == b.timeZone && a.holidays == b.holidays
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
