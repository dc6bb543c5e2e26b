import Testing
@testable import LoadSim

/// Waits beyond the 2-hour 1-second bins keep their percentiles (no single overflow bin).
struct WaitHistogramTests {
    @Test func longWaitsHaveTheirOwnPercentiles() {
        var h = WaitHistogram()
        for i in 1...1000 { h.record(Double(i) * 60) }        // 1 minute … 1000 minutes
        #expect(h.maximum == 60_000)
        let p90 = h.percentile(0.9), p99 = h.percentile(0.99)
        #expect(p90 >= 54_000 && p90 <= 54_060, "p90 \(p90)")
        #expect(p99 >= 59_400 && p99 <= 59_460, "p99 \(p99)")
    }

    @Test func waitsOfDaysUseHourBins() {
        var h = WaitHistogram()
        for d in 1...10 { h.record(Double(d) * 86_400 + 100) }
        let p50 = h.percentile(0.5)
        #expect(p50 >= 5 * 86_400 + 100 && p50 <= 5 * 86_400 + 3600, "p50 \(p50)")
        h.record(1e12)                                          // beyond every bin: the maximum
        #expect(h.percentile(1) == 1e12)
    }

    @Test func overloadedDayGivesP90NearNinetyPercentOfMax() throws {
        let r = try SimTest.run("""
        duration: 1d
        arrivals: {per_hour: 100}
        handling: {dist: exponential, mean: 3m}
        agents: {count: 3}
        """)
        #expect(r.waitMaxSeconds > 7200)
        #expect(r.waitP90Seconds < r.waitMaxSeconds && r.waitP99Seconds < r.waitMaxSeconds)
        #expect(abs(r.waitP90Seconds / r.waitMaxSeconds - 0.9) < 0.05, "p90 \(r.waitP90Seconds) max \(r.waitMaxSeconds)")
    }
}
