import Foundation
import Testing
@testable import LoadSim

struct SimulationRunTests {
    static let small = """
    name: small
    duration: 1d
    arrivals: {per_hour: 40}
    handling: {dist: lognormal, mean: 5m, cv: 0.6}
    patience: {dist: exponential, mean: 2m}
    agents: {schedule: [[0, 1], [8, 4], [12, 2], [18, 1]]}
    """

    @Test func sameSeedSameReportByteForByte() throws {
        let a = try SimTest.run(Self.small, seed: 3)
        let b = try SimTest.run(Self.small, seed: 3)
        let c = try SimTest.run(Self.small, seed: 4)
        #expect(TextReport.render(a, intervals: .all) == TextReport.render(b, intervals: .all))
        #expect(CSVReport.intervals(a) == CSVReport.intervals(b))
        #expect(TextReport.render(a) != TextReport.render(c))
        #expect(a.wallSeconds == nil)
    }

    @Test func everyCallIsAccountedFor() throws {
        let s = try SimTest.stats(Self.small)
        #expect(s.calls > 800)
        #expect(s.total.offered == s.calls)
        #expect(s.total.answered + s.total.abandoned + s.total.leftQueue + s.unfinished == s.total.offered)
        #expect(s.unfinished == 0)
        #expect(s.intervalCalls.reduce(0, +) == s.calls)
        #expect(s.intervals.reduce(0) { $0 + $1.answered } == s.total.answered)
        #expect(s.waiting.current == 0)
    }

    @Test func shiftEndLetsTheCallFinishAndAnswersNobodyAfter() throws {
        // One agent until 00:30; every call lasts an hour. The first call is answered and
        // talks past the shift end; nobody is answered after it; waiting callers abandon.
        let s = try SimTest.stats("""
        duration: 2h
        arrivals: {per_hour: 30}
        handling: {dist: fixed, value: 1h}
        patience: {dist: fixed, value: 10m}
        agents: {schedule: [[0, 1], [0.5, 0]]}
        """)
        #expect(s.total.answered == 1)
        #expect(s.total.handled == 3600)                     // not cut at the shift end
        #expect(s.total.abandoned == s.calls - 1)
        // Scheduled 0.5 agent-hours; busy inside [0, 2h) is the whole hour of the call (after
        // its start): occupancy may exceed 1 because the agent works past the shift.
        #expect(s.scheduled.totalArea == 1800)
        #expect(s.busy.totalArea > 1800)
    }

    @Test func noAgentsAndNoPatienceLeavesCallersUnfinished() throws {
        let s = try SimTest.stats("""
        duration: 1h
        arrivals: {per_hour: 20}
        agents: {count: 0}
        """)
        #expect(s.calls > 5)
        #expect(s.unfinished == s.calls)
        #expect(s.total.answered == 0)
    }

    @Test func occupancyIsBusyOverScheduledTime() throws {
        // Deterministic: 2 agents all day, calls far apart: occupancy = Σ handled / (2 × 24 h).
        let s = try SimTest.stats("""
        duration: 1d
        arrivals: {per_hour: 6}
        handling: {dist: fixed, value: 5m}
        agents: {count: 2}
        """)
        #expect(s.scheduled.totalArea == 2 * 86_400)
        let expected = Double(s.total.answered) * 300 / (2 * 86_400)
        #expect(abs(s.occupancy - expected) < 300.0 / (2 * 86_400) + 1e-12)   // the last call may run past midnight
    }

    @Test func redialsComeBackWithTheSameCaller() throws {
        let s = try SimTest.stats("""
        duration: 1d
        arrivals: {per_hour: 30}
        handling: {dist: exponential, mean: 10m}
        patience: {dist: exponential, mean: 1m}
        agents: {count: 3}
        callers: {redial: {probability: 0.5, after: {dist: fixed, value: 5m}}}
        """)
        #expect(s.redials > 0)
        #expect(abs(Double(s.redials) - 0.5 * Double(s.total.abandoned)) < 0.1 * Double(s.total.abandoned) + 10)
    }
}

extension SimulationRunTests {
    /// Simulated callers get UK mobile-style numbers; redials keep theirs.
    @Test func callerNumbersAreSixDigitUKNumbers() {
        #expect(SimulationRun.callerID(0) == "+447700100000")
        #expect(SimulationRun.callerID(42) == "+447700100042")
        #expect(SimulationRun.callerID(899_999) == "+447700999999")
        #expect(SimulationRun.callerID(900_000) == "+447700100000")
        #expect(SimulationRun.callerID(UInt32.max) == "+447700" + String(100_000 + UInt32.max % 900_000))
    }
}
