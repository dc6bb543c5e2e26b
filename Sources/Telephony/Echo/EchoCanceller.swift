import Foundation

/// A line echo canceller for 16-bit PCM at 8 kHz, in the manner of ITU-T G.168: an adaptive FIR
/// filter learns the echo path from what was played (the far end, here the IVR's own prompt) to
/// what came back (the caller's capture), and subtracts its estimate of the echo.
///
/// **How it works.**
/// - *Two filters* (two-path, "foreground/background"): a *background* filter adapts at every
///   sample by NLMS (normalised least mean squares, step `stepSize`); a *foreground* filter makes
///   the output and only ever receives the background's coefficients when, over a 10 ms block, the
///   background cancels clearly better than it (less residual power, and less than the capture
///   itself). Double talk (the caller speaking or keying) makes the background err, so it is not
///   copied: the foreground, which made the output, never diverges.
/// - *Geigel double-talk detector*: when the capture's magnitude reaches `geigelThreshold` × the
///   largest played magnitude within the tail, the background stops adapting for a hangover of
///   30 ms, which keeps it near the echo path through double talk so it resumes quickly.
/// - *Recovery*: if the background drifted far (its residual 8 × the foreground's for 40 ms), it is
///   reset to the foreground.
/// - *NLP* (optional, off by default): with no double talk, a residual below `nlpThreshold` × the
///   echo estimate's level is silenced (centre clipping). It is off by default because DTMF
///   detection wants the raw residual.
///
/// Feed `process(played:captured:into:)` with aligned periods: `played[i]` is what went to the
/// speaker at the same sample clock tick as `captured[i]` was recorded. The echo path (bulk delay
/// plus impulse response) must fit in the tail.
public struct EchoCanceller: Sendable {
    /// The sample rate the canceller assumes, in Hz.
    public static let sampleRate = 8000
    /// Default tail (echo path length covered), in milliseconds.
    public static let defaultTailMilliseconds = 64

    /// Settings; defaults follow common G.168 practice.
    public struct Settings: Sendable, Equatable {
        /// Echo path length covered, in milliseconds (1...512).
        public var tailMilliseconds: Int
        /// NLMS step size μ (0 < μ < 2; 0.5 is fast and stable).
        public var stepSize: Float
        /// Geigel threshold: capture peak relative to the played peak that means double talk
        /// (0.5 = 6 dB, for an echo return loss of at least 6 dB).
        public var geigelThreshold: Float
        /// Silence the residual when it is quieter than this fraction of the echo estimate's RMS
        /// (the NLP); nil = no NLP.
        public var nlpThreshold: Float?

        /// Settings with the given tail and defaults elsewhere.
        public init(tailMilliseconds: Int = EchoCanceller.defaultTailMilliseconds, stepSize: Float = 0.5,
                    geigelThreshold: Float = 0.5, nlpThreshold: Float? = nil) {
            self.tailMilliseconds = tailMilliseconds
            self.stepSize = stepSize
            self.geigelThreshold = geigelThreshold
            self.nlpThreshold = nlpThreshold
        }
    }

    /// The settings in use.
    public let settings: Settings
    /// Taps in each filter (tail × 8).
    public let taps: Int

    var reference: EchoHistory
    var background: [Float]
    var foreground: [Float]
    /// Sum of the squared played samples in the window: integers, so exact in a Double.
    var referencePower: Double = 0
    var geigel: GeigelDetector
    var doubleTalkHold = 0
    var block = EchoBlockStats()
    var backgroundWorseBlocks = 0
    var echoLevel: Float = 0

    /// How many 10 ms blocks the background replaced the foreground in (for tests and logs).
    public private(set) var foregroundUpdates = 0
    /// Samples during which adaptation was paused for double talk (for tests and logs).
    public private(set) var doubleTalkSamples = 0

    /// A canceller with `settings` (tail clamped to 1...512 ms).
    public init(settings: Settings = Settings()) {
        var chosen = settings
        chosen.tailMilliseconds = min(512, max(1, settings.tailMilliseconds))
        self.settings = chosen
        taps = chosen.tailMilliseconds * EchoCanceller.sampleRate / 1000
        reference = EchoHistory(taps: taps)
        background = [Float](repeating: 0, count: taps)
        foreground = [Float](repeating: 0, count: taps)
        geigel = GeigelDetector(taps: taps)
    }

    /// Cancels the echo of `played` in `captured`, writing the result to `output` (all the same
    /// length; `output` may not alias the inputs).
    public mutating func process(played: UnsafeBufferPointer<Int16>, captured: UnsafeBufferPointer<Int16>,
                                 into output: UnsafeMutableBufferPointer<Int16>) {
        let count = min(played.count, captured.count, output.count)
        for index in 0..<count {
            let value = processSample(played: Float(played[index]), captured: Float(captured[index]))
            output[index] = Int16(max(-32768, min(32767, value.rounded())))
        }
    }

    /// Arrays in, array out: see `process(played:captured:into:)`.
    public mutating func process(played: [Int16], captured: [Int16]) -> [Int16] {
        var output = [Int16](repeating: 0, count: min(played.count, captured.count))
        played.withUnsafeBufferPointer { far in
            captured.withUnsafeBufferPointer { near in
                output.withUnsafeMutableBufferPointer { process(played: far, captured: near, into: $0) }
            }
        }
        return output
    }

    /// One sample: pushes the played sample, estimates the echo, adapts, returns the residual.
    mutating func processSample(played far: Float, captured near: Float) -> Float {
        let leaving = reference.push(far)
        referencePower += Double(far) * Double(far) - Double(leaving) * Double(leaving)
        let farPeak = geigel.push(abs(far))
        // Nothing played within the tail: no echo to estimate (and nothing to compute).
        let (echoF, echoB) = referencePower == 0 ? (Float(0), Float(0)) : reference.withWindow { window in
            (Self.dot(foreground, window), Self.dot(background, window))
        }
        let residual = near - echoF
        let backgroundResidual = near - echoB

        if abs(near) >= settings.geigelThreshold * farPeak && abs(near) > 64 {
            doubleTalkHold = 240  // 30 ms hangover
        }
        if doubleTalkHold > 0 {
            doubleTalkHold -= 1
            doubleTalkSamples += 1
        } else if referencePower > 1e3 {
            let gain = settings.stepSize * backgroundResidual / Float(referencePower + 1e4)
            reference.withWindow { window in Self.adapt(&background, window, gain) }
        }
        block.add(near: near, foreground: residual, background: backgroundResidual)
        if block.count == 80 { judgeBlock() }

        echoLevel += 0.01 * (echoF * echoF - echoLevel)
        if let nlp = settings.nlpThreshold, doubleTalkHold == 0, residual * residual < nlp * nlp * echoLevel {
            return 0
        }
        return residual
    }

    /// Every 10 ms: copy background → foreground when it is clearly better; recover it when lost.
    private mutating func judgeBlock() {
        let stats = block
        block = EchoBlockStats()
        if stats.background < 0.7 * stats.foreground && stats.background < 0.5 * stats.near {
            foreground = background
            foregroundUpdates += 1
        }
        if stats.background > 8 * stats.foreground && stats.foreground < stats.near {
            backgroundWorseBlocks += 1
            if backgroundWorseBlocks >= 4 {
                background = foreground
                backgroundWorseBlocks = 0
            }
        } else {
            backgroundWorseBlocks = 0
        }
    }

    static func dot(_ weights: [Float], _ window: UnsafeBufferPointer<Float>) -> Float {
        weights.withUnsafeBufferPointer { w in
            let a = UnsafeRawPointer(w.baseAddress!), b = UnsafeRawPointer(window.baseAddress!)
            let count = w.count
            var sum = SIMD8<Float>()
            var index = 0
            let stride = MemoryLayout<Float>.stride
            while index + 8 <= count {
                sum += a.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                    * b.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                index += 8
            }
            var total = sum.sum()
            while index < count {
                total += w[index] * window[index]
                index += 1
            }
            return total
        }
    }

    static func adapt(_ weights: inout [Float], _ window: UnsafeBufferPointer<Float>, _ gain: Float) {
        weights.withUnsafeMutableBufferPointer { w in
            let a = UnsafeMutableRawPointer(w.baseAddress!), b = UnsafeRawPointer(window.baseAddress!)
            let count = w.count
            let stride = MemoryLayout<Float>.stride
            var index = 0
            while index + 8 <= count {
                let updated = a.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                    + gain * b.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                a.storeBytes(of: updated, toByteOffset: index * stride, as: SIMD8<Float>.self)
                index += 8
            }
            while index < count {
                w[index] += gain * window[index]
                index += 1
            }
        }
    }
}
