import Foundation
import Testing
@testable import Telephony

@Suite struct LevelMeterTests {
    @Test func fullScaleSquareIsZeroDBFS() {
        let square = (0..<800).map { $0.isMultiple(of: 2) ? Int16(-32768) : Int16(-32768) }
        let levels = LevelMeter.measure(square)
        #expect(abs(levels.rmsDBFS) < 0.001)
        #expect(abs(levels.peakDBFS) < 0.001)
        #expect(levels.clippedSamples == 800)
    }

    @Test func zeroDBm0SineIsMinus6Point1DBFS() {
        let sine = ToneGenerator.render(.steady([1000], levelDBm0: 0, duration: 1))
        let levels = LevelMeter.measure(sine)
        #expect(abs(levels.rmsDBFS - (-6.10)) < 0.02)
        #expect(abs(levels.peakDBFS - 20 * log10(0.7 * 32767 / 32768)) < 0.01)
        #expect(levels.clippedSamples == 0)
    }

    @Test func streamingInPiecesEqualsOneBuffer() {
        let sine = ToneGenerator.render(.steady([440, 1300], levelDBm0: -12, duration: 0.5))
        var meter = LevelMeter()
        var start = 0
        for size in [1, 7, 160, 333, 1000, 10_000] where start < sine.count {
            let end = min(sine.count, start + size)
            meter.process(Array(sine[start..<end]))
            start = end
        }
        meter.process(Array(sine[start...]))
        #expect(meter.levels == LevelMeter.measure(sine))
    }

    @Test func silenceIsMinusInfinityAndResetForgets() {
        var meter = LevelMeter()
        #expect(meter.levels.rmsDBFS == -.infinity)
        meter.process([1000, -1000])
        #expect(meter.levels.peak == 1000)
        meter.reset()
        #expect(meter.levels.sampleCount == 0)
        meter.process([Int16](repeating: 0, count: 10))
        #expect(meter.levels.peakDBFS == -.infinity)
    }
}
