import Foundation
import Testing
@testable import Storage

@Suite struct WeeklyHoursTests {
    let line = try! WeeklyHours(StoreDefaults.lineHours, timeZoneID: "Europe/London")

    @Test func openAndClosed() {
        #expect(line.isOpen(at: TestTime.tuesday10))
        #expect(!line.isOpen(at: TestTime.at(-3600 - 1)))              // Tuesday 08:59:59
        #expect(line.isOpen(at: TestTime.at(-3600)))                   // Tuesday 09:00
        #expect(!line.isOpen(at: TestTime.at(7.5 * 3600)))             // Tuesday 17:30
        #expect(line.isOpen(at: TestTime.at(4 * 86400)))               // Saturday 10:00
        #expect(!line.isOpen(at: TestTime.at(4 * 86400 + 4 * 3600)))   // Saturday 14:00
        #expect(!line.isOpen(at: TestTime.at(5 * 86400)))              // Sunday 10:00
    }

    @Test func nextOpeningSkipsClosedDays() throws {
        let office = try WeeklyHours(StoreDefaults.officeHours, timeZoneID: "Europe/London")
        let friday18 = TestTime.at(3 * 86400 + 8 * 3600)
        let monday9 = TestTime.at(6 * 86400 - 3600)
        #expect(office.nextOpening(atOrAfter: friday18) == monday9)
        #expect(office.nextOpening(atOrAfter: TestTime.tuesday10) == TestTime.tuesday10)
    }

    @Test func summerTimeIsLocal() throws {
        // Wednesday 1 July 2026 09:30 BST = 08:30 UTC.
        let july = Date(timeIntervalSince1970: 1_782_894_600)
        #expect(line.isOpen(at: july))
        #expect(!line.isOpen(at: july.addingTimeInterval(-3600)))
    }

    @Test func asAnOpeningScheduleOnUnixSeconds() {
        let friday18 = TestTime.at(3 * 86400 + 8 * 3600).timeIntervalSince1970
        #expect(!line.isOpen(at: friday18))
        #expect(line.nextOpening(after: friday18) == TestTime.at(4 * 86400).timeIntervalSince1970)  // Saturday 10:00
        #expect(line.earliestOpen(atOrAfter: TestTime.tuesday10.timeIntervalSince1970) == TestTime.tuesday10.timeIntervalSince1970)
        #expect(try! WeeklyHours("sun 10:00-11:00", timeZoneID: "UTC").nextOpening(after: 0) != nil)
    }

    @Test func alwaysAndWrapAroundDays() throws {
        #expect(try WeeklyHours("always", timeZoneID: "UTC").isOpen(at: TestTime.at(5 * 86400 + 3 * 3600)))
        let weekend = try WeeklyHours("sat-sun 00:00-24:00", timeZoneID: "UTC")
        #expect(weekend.openings.map(\.weekday) == [7, 1])
    }

    @Test func badHoursSayWhatIsWrong() {
        for (text, zone) in [("mon-fri 9-5", "UTC"), ("funday 09:00-17:00", "UTC"), ("mon 17:00-09:00", "UTC"),
                             ("mon 09:00-17:00", "Mars/Olympus"), ("mon-tue-wed 09:00-10:00", "UTC")] {
            #expect(throws: StoreError.self, "\(text)") { try WeeklyHours(text, timeZoneID: zone) }
        }
    }

    @Test func parsesIntoTheSharedBusinessHours() throws {
        let hours = line.businessHours
        #expect(hours.timeZone.identifier == "Europe/London")
        #expect(hours.weekly.map { $0.map(\.description) } == [
            ["09:00-17:30"], ["09:00-17:30"], ["09:00-17:30"], ["09:00-17:30"], ["09:00-17:30"], ["10:00-14:00"], [],
        ])
        // Openings written out of order still give the earliest next opening.
        let split = try WeeklyHours("mon 13:00-17:00, mon 08:00-12:00", timeZoneID: "UTC")
        let monday7 = Date(timeIntervalSince1970: 4 * 86_400 + 7 * 3600)        // Monday 5 Jan 1970 07:00 UTC
        #expect(split.nextOpening(atOrAfter: monday7) == monday7.addingTimeInterval(3600))
        #expect(split.businessHours.status(at: monday7.addingTimeInterval(5.5 * 3600)) == .closed)
    }
}
