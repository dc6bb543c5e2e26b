import Testing
@testable import LiveRuntime

/// Drift between two crystals, simulated: 10 minutes of bridge in a few milliseconds.
struct DriftCorrectorTests {
    /// A station capture whose crystal runs `rate`/8000 times the line's: it delivers whole
    /// 160-frame periods as its own clock makes them; the line takes one period (plus the
    /// correction) every 20 ms of its clock. Returns the highest and lowest backlog after the
    /// first 2 s, and the backlog at the end, in frames; `correct: false` shows the drift unbounded.
    static func simulateCapture(rate: Double, seconds: Double, correct: Bool) -> (high: Int, low: Int, end: Int) {
        var corrector = DriftCorrector()
        var made = 0.0
        var delivered = 0
        var taken = 0
        var high = Int.min
        var low = Int.max
        let periods = Int(seconds * 50)
        delivered = 320                       // the station starts two periods ahead
        for turn in 0..<periods {
            made += 160 * rate / 8000
            while made - Double(delivered - 320) >= 160 { delivered += 160 }
            let level = delivered - taken
            let correction = correct ? corrector.correction(level: level) : 0
            taken += 160 - correction
            if turn >= 100 {
                high = max(high, delivered - taken)
                low = min(low, delivered - taken)
            }
        }
        return (high, low, delivered - taken)
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
