import Foundation
import Testing
@testable import CallFlow

/// Every boundary of the store's hours, holidays, overrides and the clock changes of 2026.
@Suite struct BusinessHoursTests {
    let hours = StoreFlow.hours

    func status(_ local: String) -> HoursStatus { hours.status(at: FlowTest.date(local)) }

    func utc(_ text: String) -> Date {
        ScriptedCall.parseLocalTime(text, in: TimeZone(identifier: "UTC")!)!
    }

    @Test func storeFlowCompilesCleanly() {
        #expect(StoreFlow.compilation.diagnostics.map(\.description) == [])
    }

    @Test func weekdayClosesAtHalfPastFive() {
        #expect(status("2026-11-23T17:29:59") == .open)
        #expect(status("2026-11-23T17:30:00") == .closed)
        #expect(status("2026-11-23T08:59:59") == .closed)
        #expect(status("2026-11-23T09:00:00") == .open)
        #expect(status("2026-11-27T17:29:59") == .open)   // Friday
    }

    @Test func saturdayIsTenToTwo() {
        #expect(status("2026-11-28T09:59:59") == .closed)
        #expect(status("2026-11-28T10:00:00") == .open)
        #expect(status("2026-11-28T13:59:59") == .open)
        #expect(status("2026-11-28T14:00:00") == .closed)
    }

    @Test func sundayIsClosedAllDay() {
        for time in ["00:00", "09:00", "12:00", "17:00", "23:59"] {
            #expect(status("2026-11-29T\(time)") == .closed)
        }
    }

    @Test func bankHolidaysAreHolidays() {
        #expect(status("2026-12-28T12:00") == .holiday)   // Boxing Day substitute, a Monday
        #expect(status("2026-12-25T12:00") == .holiday)
        #expect(status("2027-03-26T12:00") == .holiday)   // Good Friday 2027
        #expect(status("2027-12-27T10:00") == .holiday)
        #expect(status("2026-12-29T12:00") == .open)      // ordinary Tuesday after
        #expect(status("2026-12-26T12:00") == .open)      // Saturday, not a bank holiday
    }

    @Test func springClockChangeKeepsLocalHours() {
        // Clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
        #expect(hours.isOpen(at: utc("2026-03-27T17:29:59")))      // Fri 17:29:59 GMT
        #expect(!hours.isOpen(at: utc("2026-03-27T17:30:00")))
        #expect(hours.isOpen(at: utc("2026-03-28T10:00:00")))      // Sat 10:00 GMT
        #expect(!hours.isOpen(at: utc("2026-03-30T07:59:59")))     // Mon 08:59:59 BST
        #expect(hours.isOpen(at: utc("2026-03-30T08:00:00")))      // Mon 09:00 BST
        #expect(hours.isOpen(at: utc("2026-03-30T16:29:59")))
        #expect(!hours.isOpen(at: utc("2026-03-30T16:30:00")))     // Mon 17:30 BST
    }

    @Test func autumnClockChangeKeepsLocalHours() {
        // Clocks go back on Sunday 25 October 2026 at 01:00 UTC.
        #expect(hours.isOpen(at: utc("2026-10-23T16:29:59")))      // Fri 17:29:59 BST
        #expect(!hours.isOpen(at: utc("2026-10-23T16:30:00")))
        #expect(hours.isOpen(at: utc("2026-10-24T12:59:59")))      // Sat 13:59:59 BST
        #expect(!hours.isOpen(at: utc("2026-10-24T13:00:00")))
        #expect(!hours.isOpen(at: utc("2026-10-26T08:59:59")))     // Mon 08:59:59 GMT
        #expect(hours.isOpen(at: utc("2026-10-26T09:00:00")))      // Mon 09:00 GMT
    }

    @Test func nextOpeningSkipsNightsWeekendsAndHolidays() {
        let next = { (local: String) in
            ScriptedCall.localISO(self.hours.nextOpening(after: FlowTest.date(local))!, FlowTest.london)
        }
        #expect(next("2026-11-23T18:30") == "2026-11-24T09:00:00")
        #expect(next("2026-11-23T17:30") == "2026-11-24T09:00:00")
        #expect(next("2026-11-23T12:00") == "2026-11-23T12:00:00")   // open now
        #expect(next("2026-11-27T17:30") == "2026-11-28T10:00:00")   // Friday evening → Saturday
        #expect(next("2026-11-28T14:00") == "2026-11-30T09:00:00")   // Saturday → Monday
        #expect(next("2026-12-24T18:00") == "2026-12-26T10:00:00")   // Christmas Day skipped
        #expect(next("2026-12-26T15:00") == "2026-12-29T09:00:00")   // Sunday and the substitute day
        #expect(next("2026-03-28T15:00") == "2026-03-30T09:00:00")   // across the spring change
    }

    @Test func overridesOpenAndCloseDates() throws {
        let zone = TimeZone(identifier: "Europe/London")!
        let nine = ClockInterval(start: 9 * 60, end: 17 * 60)!
        let weekly = [[nine], [nine], [nine], [nine], [nine], [], []]
        let hours = BusinessHours(
            timeZone: zone, weekly: weekly, holidays: [LocalDate(year: 2026, month: 12, day: 25)!],
            overrides: [
                HoursOverride(from: LocalDate(year: 2026, month: 12, day: 24)!, through: LocalDate(year: 2026, month: 12, day: 24)!,
                              spans: [ClockInterval(start: 9 * 60, end: 13 * 60)!]),
                HoursOverride(from: LocalDate(year: 2026, month: 12, day: 29)!, through: LocalDate(year: 2026, month: 12, day: 31)!, spans: []),
                HoursOverride(from: LocalDate(year: 2026, month: 12, day: 25)!, through: LocalDate(year: 2026, month: 12, day: 25)!,
                              spans: [ClockInterval(start: 10 * 60, end: 11 * 60)!]),
            ])
        let at = { (text: String) in hours.status(at: ScriptedCall.parseLocalTime(text, in: zone)!) }
        #expect(at("2026-12-24T12:59") == .open)
        #expect(at("2026-12-24T13:00") == .closed)
        #expect(at("2026-12-30T10:00") == .closed)      // closed by override, not a holiday
        #expect(at("2026-12-25T10:30") == .open)        // an override beats a holiday
        #expect(at("2026-12-25T12:00") == .closed)
        #expect(at("2027-01-04T09:00") == .open)
    }

    @Test func datesOutsideThePrecomputedYearsStillWork() {
        #expect(status("2040-01-02T10:00") == .open)    // a Monday
        #expect(status("2040-01-01T10:00") == .closed)  // a Sunday
        #expect(status("2019-07-06T10:00") == .open)    // a Saturday
        let next = hours.nextOpening(after: FlowTest.date("2040-01-01T10:00"))!
        #expect(ScriptedCall.localISO(next, FlowTest.london) == "2040-01-02T09:00:00")
    }

    @Test func localDateArithmeticRoundTrips() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: n)
            #expect(date.dayNumber == n)
        }
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.weekday == 0)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
    }
}

extension BusinessHoursTests {
    /// Spans of a week: the store's Monday-Saturday hours, Sunday closed; a day open round the
    /// clock next to another merges into one span.
    @Test func openSpansOfAWeek() {
        let monday = utc("2026-11-23T00:00").timeIntervalSince1970
        let spans = hours.openSpans(from: Date(timeIntervalSince1970: monday),
                                    until: Date(timeIntervalSince1970: monday + 7 * 86_400))
        let opens: [Double] = spans.map { ($0.lowerBound - monday) / 3600 }
        let closes: [Double] = spans.map { ($0.upperBound - monday) / 3600 }
        #expect(opens == [9, 33, 57, 81, 105, 130])          // Mon-Fri 09:00, Sat 10:00
        #expect(closes == [17.5, 41.5, 65.5, 89.5, 113.5, 134])  // Mon-Fri 17:30, Sat 14:00

        let allDay = ClockInterval(start: 0, end: 24 * 60)!
        let roundTheClock = BusinessHours(timeZone: TimeZone(identifier: "UTC")!,
                                          weekly: [[allDay], [allDay], [], [], [], [], []])
        let merged = roundTheClock.openSpans(from: Date(timeIntervalSince1970: monday),
                                             until: Date(timeIntervalSince1970: monday + 7 * 86_400))
        #expect(merged == [monday..<(monday + 2 * 86_400)])
    }
}
