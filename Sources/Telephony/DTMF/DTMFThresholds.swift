import Foundation

/// The receiver's decision thresholds, named and given in dB where they are levels.
///
/// Analysis runs on 5 ms sub-blocks (40 samples) and 15 ms windows (the last 3 sub-blocks,
/// taken every 5 ms). Powers are mean powers of one tone, in sample units squared, so that a
/// tone at exactly a nominal frequency measures its true level.
public enum DTMFThresholds {
    /// Samples per sub-block (5 ms): the hop between windows and the resolution of the timing.
    public static let subBlockLength = 40
    /// Sub-blocks per analysis window (3 × 5 ms = 15 ms).
    public static let windowSubBlocks = 3

    /// Weakest tone accepted, per tone, in dBm0. Q.24 asks for -26 dBm0 with twist down to -8 dB
    /// (so -34 dBm0 for the weaker tone); 4 dB of margin for noise and frequency error.
    public static let minimumToneLevelDBm0: Double = -38
    /// Largest reverse twist (high group stronger than low), in dB. Q.24 asks for +4 dB.
    public static let maximumReverseTwistDB: Double = 6
    /// Largest normal twist (high group weaker than low), in dB. Q.24 asks for 8 dB; the window
    /// loses up to 2 dB on a high tone 1.5 % off frequency, so 12 dB leaves margin for both.
    public static let maximumNormalTwistDB: Double = 12
    /// How far the strongest tone of a group must stand above the next in that group, in dB.
    public static let relativePeakDB: Double = 10
    /// The two tones must hold at least this share of the window's total power, in dB
    /// (-2.5 dB = 56 %). Speech and music spread their power; a DTMF pair in 10 dB SNR noise
    /// keeps about 90 %.
    public static let toneToTotalDB: Double = -2.5

    /// A sub-block is *on* (the key is sounding) when its amplitude at the key's two frequencies is
    /// at least this fraction of the press's reference (-6 dB).
    public static let onCoverage: Float = 0.5
    /// A sub-block is *full* (usable for frequency measurement, with both neighbours on) at this
    /// fraction (-3 dB). Clean tones read 0.94-1.0 once their mutual leakage is solved out; in
    /// 10 dB SNR noise a full sub-block reads 0.75-1.15.
    public static let fullCoverage: Float = 0.7
    /// Coverage below this fraction (-14 dB) counts as none when measuring duration (noise).
    public static let coverageFloor: Float = 0.2

    /// Shortest tone reported, in seconds: Q.24 accepts 40 ms and rejects 20 ms; we cut in between.
    public static let minimumToneDuration = 0.030
    /// Consecutive off sub-blocks that end a press (25 ms): a 40 ms pause always splits two presses,
    /// a dip of 10-15 ms inside a tone never does.
    public static let gapSubBlocksToEnd = 5
    /// Consecutive windows showing another key that end the current press at once.
    public static let conflictWindowsToEnd = 2

    /// Largest relative frequency error accepted on either tone: Q.24 accepts 1.5 % and rejects 3.5 %.
    /// Set well below the midpoint because clean measurements are precise (< 0.1 %), while voices put
    /// harmonics near two DTMF frequencies at 1.8-2.5 % off (e.g. 3 × 309 Hz and 4 × 309 Hz); a
    /// synthetic-speech scan (98 minutes, 64 espeak-ng voices) had a third of its false keys there.
    public static let frequencyTolerance: Double = 0.018
    /// Largest error of the high/low frequency ratio. Tones each within ±1.5 % can be at most
    /// 1.015/0.985 - 1 = 3.05 % off in ratio; a voice whose 3rd and 4th harmonics sit 1.8 % off
    /// 941 and 1209 Hz in opposite directions (ratio 4:3) is 3.6 % off and is refused.
    public static let maximumRatioError: Double = 0.033
    /// Largest distance of any one window pair's frequency estimate from the press's mean, in Hz.
    /// A key's tones are steady (≤ 4 Hz in 8 dB SNR noise); a voice's pitch wanders.
    public static let maximumFrequencyWanderHz: Double = 5
    /// At confirmation, the two tones must hold at least this share of the steady sub-blocks' power,
    /// in dB (-1 dB = 79 %), measured with the tones' mutual leakage solved out. A clean key reads
    /// 0 dB, a key in 10 dB SNR noise about -0.4 dB; sustained vowels whose harmonics sit near two
    /// DTMF frequencies read -1.5 dB or less, because other harmonics carry the rest.
    public static let steadyToneToTotalDB: Double = -1
    /// At confirmation, the two tones must also hold this share of the steady 15 ms windows' power,
    /// in dB (-0.7 dB = 85 %), each tone's window loss for its measured offset put back. Narrow bins
    /// keep a voice's neighbouring harmonics out: a clean key reads 0 dB, a key in 10 dB SNR white
    /// noise -0.2 to -0.6 dB, the voiced sounds that got past the other checks -0.6 to -1.5 dB.
    public static let windowToneToTotalDB: Double = -0.7
    /// Window pairs (5 ms apart, both fully inside the tone) needed to measure the frequencies.
    public static let minimumFrequencyPairs = 2
    /// Most recent sub-blocks kept for look-back (80 ms).
    public static let historyLength = 16
}
