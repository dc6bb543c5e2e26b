import Foundation
import Testing
@testable import Storage

@Suite struct WeeklyHoursTests {
    let shop = try! WeeklyHours(StoreDefaults.shopHours, timeZoneID: "Europe/London")

    @Test func openAndClosed() {
        #expect(shop.isOpen(at: TestTime.tuesday10))
        #expect(!shop.isOpen(at: TestTime.at(-2 * 3600 - 1)))      // Tuesday 07:59:59
        #expect(shop.isOpen(at: TestTime.at(-2 * 3600)))           // Tuesday 08:00
        #expect(!shop.isOpen(at: TestTime.at(10 * 3600)))          // Tuesday 20:00
        #expect(!shop.isOpen(at: TestTime.at(5 * 86400 + 9.5 * 3600)))  // Sunday 19:30
    }

    @Test func nextOpeningSkipsClosedDays() throws {
        let office = try WeeklyHours(StoreDefaults.officeHours, timeZoneID: "Europe/London")
        let friday18 = TestTime.at(3 * 86400 + 8 * 3600)
        let monday9 = TestTime.at(6 * 86400 - 3600)
        #expect(office.nextOpening(atOrAfter: friday18) == monday9)
        #expect(office.nextOpening(atOrAfter: TestTime.tuesday10) == TestTime.tuesday10)
    }

    @Test func summerTimeIsLocal() throws {
        // 1 July 2026 08:30 BST = 07:30 UTC.
        let july = Date(timeIntervalSince1970: 1_782_891_000)
        #expect(shop.isOpen(at: july))
        #expect(!shop.isOpen(at: july.addingTimeInterval(-3600)))
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
}
