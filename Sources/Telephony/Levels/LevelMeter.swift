import Foundation

/// RMS and peak levels of a stretch of audio.
public struct AudioLevels: Sendable, Equatable {
    /// Number of samples measured.
    public var sampleCount: Int
    /// RMS level in dBFS (see `Decibels`); `-infinity` for digital silence or no samples.
    public var rmsDBFS: Double
    /// Peak level in dBFS; `-infinity` for digital silence or no samples.
    public var peakDBFS: Double
    /// Largest absolute sample value (0...32768).
    public var peak: Int
    /// Samples at the rails (-32768 or 32767): a sign the audio was clipped.
    public var clippedSamples: Int
}

/// Measures RMS and peak level, over one buffer or streaming over many.
///
/// Feed chunks of any size with `process`; read `levels` at any time. `reset()` starts over.
public struct LevelMeter: Sendable {
    private var sumOfSquares: Double = 0
    private var count = 0
    private var peakMagnitude = 0
    private var clipped = 0

    /// A meter that has measured nothing yet.
    public init() {}

    /// Adds samples to the measurement.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) {
        var sum: Int64 = 0
        var peak = peakMagnitude
        var clips = 0
        for sample in samples {
            let value = Int(sample)
            sum += Int64(value * value)
            let magnitude = abs(value)
            if magnitude > peak { peak = magnitude }
            if sample == .max || sample == .min { clips += 1 }
        }
        sumOfSquares += Double(sum)
        count += samples.count
        peakMagnitude = peak
        clipped += clips
    }

    /// Adds samples to the measurement.
    public mutating func process(_ samples: [Int16]) {
        samples.withUnsafeBufferPointer { process($0) }
    }

    /// The levels of everything processed since creation or the last `reset()`.
    public var levels: AudioLevels {
        let power = count == 0 ? 0 : sumOfSquares / Double(count)
        return AudioLevels(
            sampleCount: count,
            rmsDBFS: Decibels.dBFS(power: power),
            peakDBFS: Decibels.fromAmplitudeRatio(Double(peakMagnitude) / Decibels.fullScale),
            peak: peakMagnitude,
            clippedSamples: clipped)
    }

    /// Forgets everything measured so far.
    public mutating func reset() { self = LevelMeter() }

    /// Measures one buffer.
    public static func measure(_ samples: [Int16]) -> AudioLevels {
        var meter = LevelMeter()
        meter.process(samples)
        return meter.levels
    }
}
