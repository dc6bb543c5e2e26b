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
/// - *Double-talk detection* (`EchoDoubleTalk`): a Geigel detector whose threshold follows the
///   echo path's measured gain (so a loud echo, under 6 dB of return loss, does not count as the
///   caller), and once converged a residual detector that notices anything the echo path did not
///   make, such as a key 20-30 dB under the echo. Either pauses the background's adaptation for
///   30 ms, and no copy to the foreground is made within a block of double talk.
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
    var doubleTalk: EchoDoubleTalk
    var block = EchoBlockStats()
    var backgroundWorseBlocks = 0
    var echoLevel: Float = 0
    /// Whether `silentSample` stands in for `processSample` while nothing is played (tests turn
    /// it off to check the two agree).
    var skipsSilence = true
    /// The NLMS step of the last sample, not yet applied to `background` (0: none).
    var pendingGain: Float = 0

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
        doubleTalk = EchoDoubleTalk(taps: taps, threshold: chosen.geigelThreshold)
    }

    /// Cancels the echo of `played` in `captured`, writing the result to `output` (all the same
    /// length; `output` may not alias the inputs).
    public mutating func process(played: UnsafeBufferPointer<Int16>, captured: UnsafeBufferPointer<Int16>,
                                 into output: UnsafeMutableBufferPointer<Int16>) {
        let count = min(played.count, captured.count, output.count)
        // The filters leave `self` for the period, so the per-sample code reaches them through
        // plain pointers (no per-sample uniqueness checks or retains); they are put back after.
        var back: [Float] = [], fore: [Float] = []
        swap(&back, &background)
        swap(&fore, &foreground)
        back.withUnsafeMutableBufferPointer { b in
            fore.withUnsafeMutableBufferPointer { f in
                let filters = EchoFilters(background: b.baseAddress!, foreground: f.baseAddress!)
                for index in 0..<count {
                    let value: Float
                    if played[index] == 0 && referencePower == 0 && pendingGain == 0 && skipsSilence {
                        value = silentSample(captured: Float(captured[index]), filters)
                    } else {
                        value = processSample(played: Float(played[index]), captured: Float(captured[index]), filters)
                    }
                    output[index] = Int16(max(-32768, min(32767, value.rounded())))
                }
            }
        }
        swap(&back, &background)
        swap(&fore, &foreground)
    }

    /// One sample while nothing has been played for a whole tail and nothing is now: no echo to
    /// estimate and nothing to adapt, so neither filter is touched and the history is not pushed
    /// (its window is all zeros and stays so). Only the double-talk detector, the block
    /// statistics and the NLP's level move on, exactly as `processSample` would move them, so the
    /// output is bit-identical to running it (tested).
    private mutating func silentSample(captured near: Float, _ filters: EchoFilters) -> Float {
        if doubleTalk.update(far: 0, near: near, echoEstimate: 0, residual: near, backgroundEstimate: 0) {
            doubleTalkSamples += 1
        }
        block.add(near: near, foreground: near, background: near, echo: 0)
        if block.count == 80 { judgeBlock(filters) }
        echoLevel -= 0.01 * echoLevel
        if let nlp = settings.nlpThreshold, doubleTalk.hold == 0, near * near < nlp * nlp * echoLevel {
            return 0
        }
        return near
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
    /// The NLMS update of a sample is applied in the next sample's pass over the taps (or before
    /// the block's judgement), which is the same arithmetic as applying it at once.
    mutating func processSample(played far: Float, captured near: Float, _ filters: EchoFilters) -> Float {
        let leaving = reference.push(far)
        referencePower += Double(far) * Double(far) - Double(leaving) * Double(leaving)
        var echoF: Float = 0, echoB: Float = 0
        if pendingGain != 0 {
            let gain = pendingGain
            (echoF, echoB) = reference.withWindows { previous, current in
                EchoKernels.adaptAndFilter(background: filters.background, foreground: filters.foreground,
                                           previous: previous, current: current, count: taps, gain: gain)
            }
            pendingGain = 0
        } else if referencePower != 0 {
            // (Nothing played within the tail: no echo to estimate, nothing to compute.)
            (echoF, echoB) = reference.withWindows { _, current in
                EchoKernels.filter(background: filters.background, foreground: filters.foreground, current: current,
                                   count: taps)
            }
        }
        let residual = near - echoF
        let backgroundResidual = near - echoB

        if doubleTalk.update(far: far, near: near, echoEstimate: echoF, residual: residual, backgroundEstimate: echoB) {
            doubleTalkSamples += 1
        } else if referencePower > 1e3 {
            pendingGain = settings.stepSize * backgroundResidual / Float(referencePower + 1e4)
        }
        block.add(near: near, foreground: residual, background: backgroundResidual, echo: echoF)
        if block.count == 80 {
            applyPendingAdaptation(filters)
            judgeBlock(filters)
        }

        echoLevel += 0.01 * (echoF * echoF - echoLevel)
        if let nlp = settings.nlpThreshold, doubleTalk.hold == 0, residual * residual < nlp * nlp * echoLevel {
            return 0
        }
        return residual
    }

    /// Applies the last sample's NLMS update now (before the background is judged or copied).
    private mutating func applyPendingAdaptation(_ filters: EchoFilters) {
        guard pendingGain != 0 else { return }
        let gain = pendingGain
        reference.withWindows { _, current in
            EchoKernels.adapt(filters.background, current, count: taps, gain: gain)
        }
        pendingGain = 0
    }

    /// Every 10 ms: copy background → foreground when it is clearly better; recover it when lost.
    private mutating func judgeBlock(_ filters: EchoFilters) {
        let stats = block
        block = EchoBlockStats()
        doubleTalk.endBlock(near: stats.near, residual: stats.foreground, echo: stats.echo, backgroundResidual: stats.background)
        if doubleTalk.quietBlocks >= 2 && stats.background < 0.7 * stats.foreground && stats.background < 0.5 * stats.near {
            filters.foreground.update(from: filters.background, count: taps)
            foregroundUpdates += 1
        }
        if stats.background > 8 * stats.foreground && stats.foreground < stats.near {
            backgroundWorseBlocks += 1
            if backgroundWorseBlocks >= 4 {
                filters.background.update(from: filters.foreground, count: taps)
                backgroundWorseBlocks = 0
            }
        } else {
            backgroundWorseBlocks = 0
        }
    }
}

/// The two filters' coefficients while a period is processed (see `process(played:captured:into:)`).
struct EchoFilters {
    let background: UnsafeMutablePointer<Float>
    let foreground: UnsafeMutablePointer<Float>
}
