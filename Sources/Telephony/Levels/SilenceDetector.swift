import Foundation

/// Streaming silence detection: tells when audio has stayed below a threshold for a hangover time.
///
/// Audio is judged in 10 ms frames. A frame is *quiet* when its RMS level is below
/// `thresholdDBFS`. The detector reports silence once the current run of quiet frames is at least
/// `hangover` long, so short pauses between words do not count. Voicemail uses it to stop a
/// recording when a caller has stopped talking; `quietSeconds` gives the length of the current
/// quiet run for rules such as "stop after 5 s of silence".
public struct SilenceDetector: Sendable {
    /// What the detector decided about the audio so far.
    public enum State: Sendable, Equatable {
        /// Sound was heard within the hangover time (or nothing was fed yet and `hangover` > 0).
        case sound
        /// Quiet since `sinceSample` (absolute sample index where the quiet run began).
        case silence(sinceSample: Int)
    }

    /// RMS level in dBFS below which a frame is quiet.
    public let thresholdDBFS: Double
    /// How long the audio must stay quiet before the state turns to silence, in seconds.
    public let hangover: Double
    /// Sample rate of the audio fed in, in Hz.
    public let sampleRate: Int

    private let frameLength: Int
    private let thresholdFramePower: Double
    private let hangoverSamples: Int
    private var frameFill = 0
    private var frameSum: Int64 = 0
    private var processed = 0
    /// Absolute index of the first sample of the current quiet run, if the last frame was quiet.
    private var quietRunStart: Int? = 0

    /// A detector with a threshold (dBFS RMS, e.g. -45) and a hangover (seconds, e.g. 0.3).
    public init(thresholdDBFS: Double, hangover: Double, sampleRate: Int = 8000) {
        self.thresholdDBFS = thresholdDBFS
        self.hangover = max(0, hangover)
        self.sampleRate = sampleRate
        frameLength = max(1, sampleRate / 100)
        thresholdFramePower = Decibels.power(dBFS: thresholdDBFS) * Double(max(1, sampleRate / 100))
        hangoverSamples = Int((self.hangover * Double(sampleRate)).rounded())
    }

    /// Feeds samples; the state reflects every complete 10 ms frame seen so far.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) {
        for sample in samples {
            let value = Int64(sample)
            frameSum += value * value
            frameFill += 1
            if frameFill == frameLength { finishFrame() }
        }
    }

    /// Feeds samples; the state reflects every complete 10 ms frame seen so far.
    public mutating func process(_ samples: [Int16]) {
        samples.withUnsafeBufferPointer { process($0) }
    }

    private mutating func finishFrame() {
        let frameStart = processed
        processed += frameLength
        if Double(frameSum) < thresholdFramePower {
            if quietRunStart == nil { quietRunStart = frameStart }
        } else {
            quietRunStart = nil
        }
        frameSum = 0
        frameFill = 0
    }

    /// Samples judged so far (complete frames only).
    public var samplesJudged: Int { processed }

    /// Length of the current run of quiet audio, in samples (0 if the last frame had sound).
    public var quietSamples: Int {
        guard let start = quietRunStart else { return 0 }
        return processed - start
    }

    /// Length of the current run of quiet audio, in seconds.
    public var quietSeconds: Double { Double(quietSamples) / Double(sampleRate) }

    /// Sound or silence, applying the hangover.
    public var state: State {
        if let start = quietRunStart, processed - start >= hangoverSamples, processed > 0 {
            return .silence(sinceSample: start)
        }
        return .sound
    }

    /// True when the state is `.silence`.
    public var isSilent: Bool {
        if case .silence = state { return true }
        return false
    }
}
