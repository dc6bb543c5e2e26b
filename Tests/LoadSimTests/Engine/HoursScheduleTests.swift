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

    /// The precomputed spans answer exactly as the calendar does, inside the horizon (a clock
    /// change, a bank holiday, span edges) and beyond it.
    @Test func spansAgreeWithTheCalendar() throws {
        let compiled = FlowCompiler.compile(fileAt: SimTest.root.appendingPathComponent("flows/store.yaml").path)
        let hours = try #require(compiled.program?.schedules.first)
        // Virtual time 0 = Monday 2 March 2026 00:00 UTC: the horizon spans the March clock change.
        let origin = Date(timeIntervalSince1970: 1_772_409_600).timeIntervalSince1970
        let horizon = 40.0 * 86_400
        let schedule = HoursSchedule(hours: hours, origin: origin, horizon: horizon)
        #expect(!schedule.spans.isEmpty)
        var rng = Xoshiro256StarStar(seed: 11)
        var probes: [Double] = (0..<4000).map { _ in rng.nextUnit() * 50 * 86_400 }
        for span in schedule.spans { probes += [span.lowerBound, span.upperBound, span.lowerBound - 0.001, span.upperBound - 0.001] }
        for t in probes {
            let date = Date(timeIntervalSince1970: origin + t)
            #expect(schedule.isOpen(at: t) == hours.isOpen(at: date), "isOpen at t=\(t)")
            if !hours.isOpen(at: date) {
                let expected = hours.nextOpening(after: date).map { $0.timeIntervalSince1970 - origin }
                #expect(schedule.nextOpening(after: t) == expected, "nextOpening after t=\(t)")
            }
        }
    }
}
