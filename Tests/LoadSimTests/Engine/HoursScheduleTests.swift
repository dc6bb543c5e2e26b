import CallFlow
import Foundation
import Testing
@testable import LoadSim

/// The store's business hours seen by the queue manager on the simulator's clock.
struct HoursScheduleTests {
    @Test func storeHoursOnVirtualTime() throws {
        let compiled = FlowCompiler.compile(fileAt: SimTest.root.appendingPathComponent("flows/store.yaml").path)
        let hours = try #require(compiled.program?.schedules.first)
        // t = 0 is Monday 23 Nov 2026 00:00 in London (= UTC in November).
        var scenario = Scenario()
        scenario.timeZone = TimeZone(identifier: "Europe/London")!
        let schedule = HoursSchedule(hours: hours, origin: scenario.startDate.timeIntervalSince1970)
        #expect(!schedule.isOpen(at: 8.99 * 3600))
        #expect(schedule.isOpen(at: 9 * 3600))
        #expect(schedule.isOpen(at: 17.5 * 3600 - 1))
        #expect(!schedule.isOpen(at: 17.5 * 3600))
        let tuesday9am: Double = 33 * 3600
        #expect(abs((schedule.nextOpening(after: 18 * 3600) ?? 0) - tuesday9am) < 1e-6)
        let saturday3pm: Double = 5 * 86_400 + 15 * 3600
        let nextMonday9am: Double = 7 * 86_400 + 9 * 3600
        #expect(abs((schedule.nextOpening(after: saturday3pm) ?? 0) - nextMonday9am) < 1e-6)
    }
}
