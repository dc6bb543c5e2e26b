import Telephony

/// How a take becomes a library prompt: remove any DC offset, trim the silence around it, then
/// level it.
///
/// Target: **-20 dBFS RMS**, peaks at most **-1 dBFS** (dBFS as in `Telephony.Decibels`: a
/// full-scale square wave is 0 dBFS RMS). When reaching -20 dBFS RMS would push a peak past
/// -1 dBFS the gain stops there instead (no clipping, no limiter), and the take is reported
/// as quieter than the target. Trimming keeps `marginSeconds` of room either side of the sound.
public struct PromptLevelling: Sendable, Equatable {
    /// RMS level the take is scaled to, in dBFS.
    public var targetRMSDBFS: Double = -20
    /// Highest peak allowed after scaling, in dBFS.
    public var peakCeilingDBFS: Double = -1
    /// A 10 ms frame at or above this RMS level counts as sound when trimming, in dBFS.
    public var trimThresholdDBFS: Double = -45
    /// Silence kept before the first and after the last sound, in seconds.
    public var marginSeconds: Double = 0.1
    /// A trimmed take quieter than this (before levelling) is flagged "too quiet", in dBFS RMS.
    public var quietTakeDBFS: Double = -40
    /// A result this far below the target (because peaks held the gain back) is flagged, in dB.
    public var shortfallWarningDB: Double = 3

    /// The documented defaults.
    public init() {}

    /// Removes any DC offset, then trims and levels `samples`; throws `.silentTake` when nothing
    /// is above the trim threshold.
    public func apply(_ input: [Int16], source: String) throws(PromptLibraryError) -> LevelledTake {
        let samples = AudioEdit.removeDC(input)
        let range = AudioEdit.soundRange(samples, thresholdDBFS: trimThresholdDBFS, marginSeconds: marginSeconds)
        guard !range.isEmpty else { throw .silentTake(source: source) }
        let trimmed = Array(samples[range])
        let before = LevelMeter.measure(trimmed)
        let result: AudioEdit.NormaliseResult
        do {
            result = try AudioEdit.normalise(trimmed, targetDBFS: targetRMSDBFS, peakCeilingDBFS: peakCeilingDBFS)
        } catch {
            throw .silentTake(source: source)
        }
        var warnings: [PromptWarning] = []
        if before.clippedSamples > 0 { warnings.append(.clippedTake(samples: before.clippedSamples)) }
        if before.rmsDBFS < quietTakeDBFS { warnings.append(.quietTake(rmsDBFS: before.rmsDBFS)) }
        if result.limitedByPeak && result.rmsDBFS < targetRMSDBFS - shortfallWarningDB {
            warnings.append(.belowTarget(rmsDBFS: result.rmsDBFS, targetDBFS: targetRMSDBFS))
        }
        return LevelledTake(samples: result.samples, leadingTrim: range.lowerBound,
                            trailingTrim: samples.count - range.upperBound, inputLevels: before,
                            gainDB: result.gainDB, outputLevels: LevelMeter.measure(result.samples),
                            warnings: warnings)
    }
}

/// A take after trimming and levelling, with what was done to it.
public struct LevelledTake: Sendable, Equatable {
    /// The prompt audio (engine format); empty when the take was levelled from a file in blocks
    /// (`PromptLibrary.importFile`), which writes it straight to the prompt's file.
    public var samples: [Int16]
    /// Samples cut from the start.
    public var leadingTrim: Int
    /// Samples cut from the end.
    public var trailingTrim: Int
    /// Levels of the trimmed take before scaling.
    public var inputLevels: AudioLevels
    /// Gain applied, in dB.
    public var gainDB: Double
    /// Levels of the result.
    public var outputLevels: AudioLevels
    /// What a person should know about the take.
    public var warnings: [PromptWarning]
    /// Length of the result in samples, also when `samples` is empty.
    public var frameCount = 0

    /// Length of the result in seconds.
    public var duration: Double { Double(max(frameCount, samples.count)) / Double(EngineAudio.sampleRate) }
}
