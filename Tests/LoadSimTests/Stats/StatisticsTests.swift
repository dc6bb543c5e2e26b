import Testing
@testable import LoadSim

struct StatisticsTests {
    @Test func histogramPercentilesAreUpperBinEdges() {
        var h = WaitHistogram()
        for i in 1...100 { h.record(Double(i)) }       // 1…100 s
        #expect(h.count == 100)
        #expect(abs(h.percentile(0.9) - 90.1) < 1e-9)
        #expect(abs(h.percentile(0.99) - 99.1) < 1e-9)
        #expect(h.maximum == 100)
        h.record(10_000)
        #expect(h.percentile(1) == 10_000)
    }

    @Test func integratorSplitsAreaAcrossIntervals() {
        var i = IntervalIntegrator(width: 10, limit: 30)
        i.set(2, at: 5)     // 2 from 5 to 25
        i.set(1, at: 25)    // 1 from 25 to 40 (cut at 30)
        i.advance(to: 40)
        #expect(i.area == [10, 20, 15])
        #expect(i.peak == [2, 2, 2])
        #expect(i.totalArea == 45)
    }

    @Test func countersAttributeToTheIntervalOfJoining() {
        var s = SimulationStatistics(target: 20, interval: 900, duration: 3600, queueNames: ["a", "b"])
        s.enqueued(queue: 0, at: 100)
        s.dequeued(queue: 0, joined: 100, at: 110, exit: .answered)     // 10 s: within target
        s.enqueued(queue: 1, at: 890)
        s.dequeued(queue: 1, joined: 890, at: 930, exit: .answered)     // 40 s: a miss, still interval 0
        s.enqueued(queue: 1, at: 1000)
        s.dequeued(queue: 1, joined: 1000, at: 1005, exit: .abandoned)
        #expect(s.total.offered == 3)
        #expect(s.total.serviceLevel() == 1.0 / 3.0)
        #expect(s.total.averageSpeedOfAnswer == 25)
        #expect(s.intervals[0].offered == 2 && s.intervals[0].answeredWithinTarget == 1)
        #expect(s.intervals[1].abandoned == 1)
        #expect(s.queues[1].offered == 2)
        s.finish(at: 3600)
        #expect(s.waiting.totalArea == 10 + 40 + 5)
    }

    @Test func integratorFiguresIncludeTheIntervalBeingFilled() {
        var i = IntervalIntegrator(width: 10, limit: 30)
        i.set(2, at: 5)
        i.set(3, at: 8)      // 2 over [5, 8); interval 0 still open
        #expect(i.area == [6, 0, 0])
        #expect(i.peak == [3, 0, 0])
        i.set(1, at: 12)     // 3 over [8, 10) and [10, 12)
        #expect(i.area == [12, 6, 0])
        #expect(i.peak == [3, 3, 0])
        i.advance(to: 30)
        #expect(i.area == [12, 14, 10])
        #expect(i.totalArea == 36)
    }

    @Test func oneQueuesTotalsAreThatQueues() {
        var s = SimulationStatistics(target: 20, interval: 900, duration: 3600, queueNames: ["only"])
        s.enqueued(queue: 0, at: 100)
        s.dequeued(queue: 0, joined: 100, at: 130, exit: .answered)
        s.handled(queue: 0, joined: 100, seconds: 60)
        s.enqueued(queue: 0, at: 200)
        s.dequeued(queue: 0, joined: 200, at: 205, exit: .abandoned)
        #expect(s.total == s.queues[0])
        #expect(s.total.offered == 2 && s.total.answered == 1 && s.total.abandoned == 1 && s.total.handled == 60)
        #expect(s.waits == s.queueWaits[0] && s.waits.count == 2 && s.waits.maximum == 30)
    }
}
