import Testing
@testable import LoadSim

struct ShiftPlanTests {
    let plan = ShiftPlan(.schedule([ShiftStep(hour: 0, count: 2), ShiftStep(hour: 9, count: 10), ShiftStep(hour: 17.5, count: 4)]),
                         startSecondOfDay: 0)

    @Test func countFollowsTheDayAndRepeats() {
        #expect(plan.count(at: 0) == 2)
        #expect(plan.count(at: 9 * 3600 - 1) == 2)
        #expect(plan.count(at: 9 * 3600) == 10)
        #expect(plan.count(at: 17.5 * 3600) == 4)
        #expect(plan.count(at: 86_400 + 10 * 3600) == 10)
    }

    @Test func scheduledSecondsPerDay() {
        // 9 h × 2 + 8.5 h × 10 + 6.5 h × 4 = 129 agent-hours per day.
        #expect(plan.scheduledSeconds(until: 86_400) == 129 * 3600)
        #expect(plan.scheduledSeconds(until: 2 * 86_400) == 2 * 129 * 3600)
    }

    @Test func startMidDayShiftsTheClock() {
        let p = ShiftPlan(.schedule([ShiftStep(hour: 8, count: 5), ShiftStep(hour: 18, count: 0)]), startSecondOfDay: 12 * 3600)
        #expect(p.count(at: 0) == 5)
        #expect(p.changes(until: 86_400).map(\.time) == [6 * 3600, 20 * 3600])
    }
}
