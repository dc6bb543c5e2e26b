import Testing
@testable import CallQueue

@Suite struct OpeningScheduleTests {
    private let hours = PeriodicSchedule.daily(from: 9 * 3600, to: 17 * 3600)
    private let day = 86_400.0

    @Test func dailyWindow() {
        #expect(!hours.isOpen(at: 8 * 3600 + 3599))
        #expect(hours.isOpen(at: 9 * 3600))
        #expect(!hours.isOpen(at: 17 * 3600))
        #expect(hours.isOpen(at: day + 12 * 3600))
        #expect(hours.nextOpening(after: 18 * 3600) == day + 9 * 3600)
        #expect(hours.nextOpening(after: 3600) == 32_400.0)
        #expect(hours.earliestOpen(atOrAfter: 36_000) == 36_000.0)
    }

    @Test func weeklyWindowsWithPhase() {
        // Week starting at driver time 0 on Monday: open Mon-Fri 9-17.
        let week = PeriodicSchedule(period: 7 * day,
                                    windows: (0..<5).map { Double($0) * day + 9 * 3600 ..< Double($0) * day + 17 * 3600 })
        #expect(week.isOpen(at: 4 * day + 16 * 3600))
        #expect(!week.isOpen(at: 5 * day + 12 * 3600))                          // Saturday
        #expect(week.nextOpening(after: 4 * day + 18 * 3600) == 7 * day + 9 * 3600) // Friday evening → Monday
        let shifted = PeriodicSchedule(period: day, windows: [0..<3600], phase: -1800)
        #expect(shifted.isOpen(at: 0) && !shifted.isOpen(at: 1800))
    }

    @Test func afterHoursRequestIsDueAtTheNextOpening() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", schedule: hours)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        let cb = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .afterHours, at: 20 * 3600)
        #expect(cb.callback.notBefore == day + 9 * 3600)
        #expect(m.nextWakeUp(after: 20 * 3600) == day + 9 * 3600)
        #expect(try m.reserveNextCallback(for: a1, at: day + 9 * 3600 - 1) == nil)
        #expect(try m.reserveNextCallback(for: a1, at: day + 9 * 3600)?.id == cb.callback.id)
    }

    @Test func dueCallbacksWaitWhileTheQueueIsClosed() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", schedule: hours)], agents: agents(1), login: false)
        let a1 = try m.agent(id: "a1")
        _ = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .manual, at: 10 * 3600)
        try m.login(a1, at: 17 * 3600 + 1)                    // logged in after closing
        #expect(m.next(at: 17 * 3600 + 1) == nil)
        #expect(m.nextWakeUp(after: 17 * 3600 + 1) == day + 9 * 3600)
        guard case .callback? = m.next(at: day + 9 * 3600) else { Issue.record("not offered at opening"); return }
    }

    @Test func retriesLandInsideHours() throws {
        let policy = CallbackPolicy(retryInterval: 3600)
        let rule = CallbackRules.afterOutcome(.busy, attempts: 1, at: 16.5 * 3600, policy: policy, schedule: hours)
        #expect(rule == .retry(due: day + 9 * 3600))
    }
}
