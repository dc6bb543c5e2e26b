import Foundation

/// Whole-buffer helpers for prompts and recordings: trim leading/trailing silence, normalise level.
public enum AudioEdit {
    /// Range of `samples` that holds sound, widened by `marginSeconds` on each side.
    ///
    /// Audio is judged in 10 ms frames; a frame has sound when its RMS level is at or above
    /// `thresholdDBFS`. Returns an empty range at 0 when no frame has sound.
    public static func soundRange(
        _ samples: [Int16], thresholdDBFS: Double = -45, marginSeconds: Double = 0.05, sampleRate: Int = 8000
    ) -> Range<Int> {
        let frame = max(1, sampleRate / 100)
        let threshold = Decibels.power(dBFS: thresholdDBFS)
        var first: Int?
        var last: Int?
        var start = 0
        while start < samples.count {
            let end = min(samples.count, start + frame)
            var sum: Double = 0
            for index in start..<end { let v = Double(samples[index]); sum += v * v }
            if sum / Double(end - start) >= threshold {
                if first == nil { first = start }
                last = end
            }
            start = end
        }
        guard let first, let last else { return 0..<0 }
        let margin = Int((marginSeconds * Double(sampleRate)).rounded())
        return max(0, first - margin)..<min(samples.count, last + margin)
    }

    /// `samples` without DC offset: the mean is subtracted, then a one-pole DC blocker
    /// (y[n] = x[n] − x[n−1] + 0.999·y[n−1], corner about 1.3 Hz at 8 kHz) removes slow drift.
    ///
    /// A microphone or sound card with an offset makes silence look loud (trimming keeps it)
    /// and steals headroom (levelling stops short); telephone audio has nothing below 300 Hz.
    public static func removeDC(_ samples: [Int16]) -> [Int16] {
        guard !samples.isEmpty else { return samples }
        var sum = 0.0
        for s in samples { sum += Double(s) }
        let mean = sum / Double(samples.count)
        var out = [Int16](repeating: 0, count: samples.count)
        var previousIn = Double(samples[0]) - mean, previousOut = 0.0
        for i in samples.indices {
            let x = Double(samples[i]) - mean
            let y = x - previousIn + 0.999 * previousOut
            previousIn = x
            previousOut = y
            out[i] = Int16(clamping: Int(y.rounded()))
        }
        return out
    }

    /// `samples` with leading and trailing silence removed (keeping a small margin); see `soundRange`.
    public static func trimSilence(
        _ samples: [Int16], thresholdDBFS: Double = -45, marginSeconds: Double = 0.05, sampleRate: Int = 8000
    ) -> [Int16] {
        Array(samples[soundRange(samples, thresholdDBFS: thresholdDBFS,
                                 marginSeconds: marginSeconds, sampleRate: sampleRate)])
    }

    /// What `normalise` did.
    public struct NormaliseResult: Sendable, Equatable {
        /// The scaled audio.
        public var samples: [Int16]
        /// Gain applied, in dB.
        public var gainDB: Double
        /// RMS level of the result, in dBFS.
        public var rmsDBFS: Double
        /// True when the gain was held back so the peak stays at `peakCeilingDBFS`: the target
        /// RMS level was not reached rather than clip.
        public var limitedByPeak: Bool
        /// Samples of the *input* at the rails: it was already clipped before normalising.
        public var inputClippedSamples: Int
    }

    /// Errors from `normalise`.
    public enum NormaliseError: Error, Equatable, CustomStringConvertible {
        /// The audio is digital silence (or empty), so it has no level to scale.
        case silent

        /// A message a user can act on.
        public var description: String {
            "cannot normalise: the audio is silent (all samples are zero); record or choose another file"
        }
    }

    /// Scales `samples` so their RMS level is `targetDBFS`, without clipping.
    ///
    /// If reaching the target would push the peak above `peakCeilingDBFS`, the gain is reduced so the
    /// peak lands on the ceiling and `limitedByPeak` is set. Clipping already present in the input
    /// is reported in `inputClippedSamples`.
    public static func normalise(
        _ samples: [Int16], targetDBFS: Double = -20, peakCeilingDBFS: Double = -1
    ) throws(NormaliseError) -> NormaliseResult {
        let before = LevelMeter.measure(samples)
        guard before.peak > 0 else { throw .silent }
        var gainDB = targetDBFS - before.rmsDBFS
        let limited = before.peakDBFS + gainDB > peakCeilingDBFS
        if limited { gainDB = peakCeilingDBFS - before.peakDBFS }
        let gain = Decibels.amplitudeRatio(gainDB)
        let scaled = samples.map { sample -> Int16 in
            let value = (Double(sample) * gain).rounded()
            return Int16(max(-32768, min(32767, value)))
        }
        return NormaliseResult(samples: scaled, gainDB: gainDB, rmsDBFS: LevelMeter.measure(scaled).rmsDBFS,
                               limitedByPeak: limited, inputClippedSamples: before.clippedSamples)
    }
}
