import Testing
@testable import LoadSim

/// Long stationary runs (fixed seeds) agree with Erlang C and Erlang A within their 95 %
/// confidence intervals from independent replications, widened by half for the start-up
/// transient (each replication starts empty).
struct ErlangAgreementTests {
    func agrees(_ ci: SimulationReport.Interval, _ exact: Double, _ what: String) {
        let half = (ci.high - ci.low) / 2
        #expect(abs(ci.mean - exact) <= 1.5 * half, "\(what): simulated \(ci.mean) ± \(half), exact \(exact)")
        #expect(half < 0.15 * max(abs(exact), 0.02) + 0.02, "\(what): interval too wide to prove anything: ± \(half)")
    }

    @Test func mmcMatchesErlangC() throws {
        let r = try SimTest.run("""
        duration: 5d
        target_answer: 20s
        arrivals: {per_hour: 300}
        handling: {dist: exponential, mean: 120s}
        agents: {count: 12}
        """, seed: 11, replications: 6)
        let c = try #require(r.analytic?.erlangC)
        let ci = try #require(r.confidence)
        #expect(r.analytic?.exact == true)
        agrees(ci.serviceLevel, c.serviceLevel, "service level")
        agrees(ci.asaSeconds, c.averageSpeedOfAnswer, "ASA")
        agrees(ci.occupancy, c.occupancy, "occupancy")
        #expect(r.abandoned == 0)
    }

    @Test func mmcPlusMMatchesErlangA() throws {
        let r = try SimTest.run("""
        duration: 5d
        target_answer: 20s
        arrivals: {per_hour: 300}
        handling: {dist: exponential, mean: 120s}
        patience: {dist: exponential, mean: 60s}
        agents: {count: 10}
        """, seed: 5, replications: 6)
        let a = try #require(r.analytic?.erlangA)
        let ci = try #require(r.confidence)
        agrees(ci.serviceLevel, a.serviceLevel, "service level")
        agrees(ci.asaSeconds, a.averageSpeedOfAnswer, "ASA")
        agrees(ci.abandonRate, a.abandonRate, "abandon rate")
        agrees(ci.occupancy, a.occupancy, "occupancy")
        #expect((r.abandonRate ?? 0) > 0.02)       // a case where abandonment matters
    }
}
