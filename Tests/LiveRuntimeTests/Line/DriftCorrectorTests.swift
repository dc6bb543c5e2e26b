import Testing
@testable import LiveRuntime

/// Drift between two crystals, simulated: 10 minutes of bridge in a few milliseconds.
struct DriftCorrectorTests {
    /// A station capture whose crystal runs `rate`/8000 times the line's: it delivers whole
    /// 160-frame periods as its own clock makes them; the line takes one period (plus the
    /// correction) every 20 ms of its clock. Returns the highest and lowest backlog after the
    /// first 2 s, and the backlog at the end, in frames; `correct: false` shows the drift unbounded.
    static func simulateCapture(rate: Double, seconds: Double, correct: Bool) -> (high: Int, low: Int, end: Int) {
        let run = simulateCapture(rate: rate, seconds: seconds, correct: correct, burstPeriods: 1, jitter: 0)
        return (run.high, run.low, run.end)
    }

    /// As above, but the station hands over what it has made only every `burstPeriods` periods
    /// (as a sound server does), each gap stretched or shrunk at random by up to `jitter`/2 of
    /// itself (a fixed seed: the same run every time). Also returns the corrector's counts.
    static func simulateCapture(rate: Double, seconds: Double, correct: Bool, burstPeriods: Int, jitter: Double)
        -> (high: Int, low: Int, end: Int, inserted: Int, dropped: Int) {
        var corrector = DriftCorrector()
        var random = SplitMix(seed: 42)
        var made = 0.0
        var delivered = 0
        var taken = 0
        var high = Int.min
        var low = Int.max
        var nextDelivery = 0.0
        let periods = Int(seconds * 50)
        delivered = 320                       // the station starts two periods ahead
        for turn in 0..<periods {
            made += 160 * rate / 8000
            if Double(turn) >= nextDelivery {
                while made - Double(delivered - 320) >= 160 { delivered += 160 }
                nextDelivery = Double(turn) + Double(burstPeriods) * (1 + jitter * (random.unit() - 0.5))
            }
            let level = delivered - taken
            let correction = correct ? corrector.correction(level: level) : 0
            taken += 160 - correction
            if turn >= 100 {
                high = max(high, delivered - taken)
                low = min(low, delivered - taken)
            }
        }
        return (high, low, delivered - taken, corrector.inserted, corrector.dropped)
    }

    /// A small deterministic generator for the burst timings.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    @Test func aStationHalfAPercentFastStaysWithinAPeriodOverTenMinutes() {
        let unbounded = Self.simulateCapture(rate: 8040, seconds: 600, correct: false)
        #expect(unbounded.end > 1600, "uncorrected, 0.5 % over 10 minutes piles up \(unbounded.end / 8) ms (> 200 ms)")
        let bounded = Self.simulateCapture(rate: 8040, seconds: 600, correct: true)
        #expect(bounded.high <= 320 + 160 + 80, "at most \(bounded.high / 8) ms behind")
        #expect(bounded.low >= 0, "never starved")
    }

    @Test func aStationHalfAPercentSlowNeverKeepsTheLineWaiting() {
        let unbounded = Self.simulateCapture(rate: 7960, seconds: 600, correct: false)
        #expect(unbounded.end < -1600, "uncorrected, the line would wait on the station \(-unbounded.end / 8) ms in all")
        let bounded = Self.simulateCapture(rate: 7960, seconds: 600, correct: true)
        // The station delivers whole periods, so the line may wait a moment for part of one
        // (at most a period, never more, never growing).
        #expect(bounded.low >= -160, "the line never waits more than a period: \(bounded.low)")
        #expect(bounded.high <= 320 + 160 + 80)
    }

    /// A sound server that delivers in bursts of about 100 ms makes the level saw up and down by
    /// far more than the dead band. The corrector must still correct the drift in one direction
    /// (the band rule it replaced answered each burst, dropping 7,147 and inserting 2,606 frames
    /// for a drift of 4,800, and on one clock inserted and dropped about 3,000 each).
    @Test func burstyDeliveryDoesNotMakeItCorrectBothWays() {
        let drifting = Self.simulateCapture(rate: 8008, seconds: 600, correct: true, burstPeriods: 5, jitter: 0.8)
        #expect(drifting.dropped - drifting.inserted > 4_000, "the 0.1 % drift (4,800 frames) is corrected")
        #expect(drifting.inserted < 1_200, "frames inserted against a drift that wants drops: \(drifting.inserted)")
        #expect(drifting.high <= 320 + 5 * 160 + 160, "at most \(drifting.high / 8) ms behind")
        let steady = Self.simulateCapture(rate: 8000, seconds: 600, correct: true, burstPeriods: 5, jitter: 0.8)
        #expect(steady.inserted + steady.dropped < 1_500, "one clock: \(steady.inserted) in, \(steady.dropped) out")
    }

    @Test func sameClockNeedsNoCorrection() {
        var corrector = DriftCorrector()
        for turn in 0..<30_000 { #expect(corrector.correction(level: 320 + (turn % 2) * 160) == 0) }
        #expect(corrector.inserted == 0 && corrector.dropped == 0)
    }

    @Test func stretchAddsOrRemovesExactlyThatManyFramesAndKeepsTheRest() {
        let samples = (0..<160).map { Int16($0) }
        let longer = DriftCorrector.stretch(samples, by: 2)
        #expect(longer.count == 162)
        #expect(Array(Set(longer)).count == 160, "only repeats are added")
        let shorter = DriftCorrector.stretch(samples, by: -2)
        #expect(shorter.count == 158)
        #expect(shorter == shorter.sorted(), "order kept")
        #expect(shorter.first == 0 && shorter.last == 159, "ends kept")
        #expect(DriftCorrector.stretch(samples, by: 0) == samples)
    }
}
