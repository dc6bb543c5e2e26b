import Testing
@testable import CallQueue

@Suite struct WaitEstimatorTests {
    @Test func movingAveragesWeighTheNewestSampleByAQuarter() {
        var e = WaitEstimator()
        #expect(e.estimate(position: 1, staffed: 1) == nil)
        e.recordHold(40)
        #expect(e.estimate(position: 3, staffed: 2) == 40)     // hold time until a call completes
        e.recordHandle(100)
        e.recordHandle(200)
        #expect(e.handleTime == 125)
        #expect(e.estimate(position: 3, staffed: 2) == 187.5) // 3 × 125 / 2
    }

    @Test func managerEstimatesFromRecentHandleTimes() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", wrapUp: 20)], agents: agents(2))
        _ = try m.routeOne(1, at: 0)
        _ = try m.routeOne(2, at: 0)
        try m.finish("a1", at: 100)                   // handle time 100 + 20
        try m.endWrapUp(m.agent(id: "a1"), at: 120)
        _ = try m.routeOne(3, at: 120)
        let t4 = try m.joinOK(4, at: 121)
        let t5 = try m.joinOK(5, at: 122)
        #expect(try m.estimatedWait(of: t4) == 60)    // 1 × 120 / 2
        #expect(try m.estimatedWait(of: t5) == 120)   // 2 × 120 / 2
        #expect(m.estimator(of: try m.queue(named: "q")).holdTime == 0)
    }

    @Test func announcementsCarryPositionEstimateAndNextTime() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", announceFrequency: 45)], agents: agents(1))
        _ = try m.routeOne(1, at: 0)
        try m.finish("a1", at: 90)                    // handle time 90
        _ = try m.routeOne(2, at: 100)
        _ = try m.joinOK(3, at: 101)
        let t4 = try m.joinOK(4, at: 110)
        let a = try m.announcement(for: t4, at: 200)
        #expect(a.position == 2)
        #expect(a.estimatedWait == 180)               // 2 × 90 / 1
        #expect(a.nextAt == 245)                      // 110 + 3 × 45
    }
}
