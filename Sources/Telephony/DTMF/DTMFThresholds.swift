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
    /// A window whose two tones hold at least this share of its power, in dB (-1 dB = 79 %), starts
    /// a press even when a tone stands less than `relativePeakDB` above its group's runner-up (but
    /// at least `measureRelativePeakDB`). A speech harmonic between two rows (e.g. near 810 Hz)
    /// raises the runner-up bin to 4-9 dB under a 770 Hz tone, yet the pair still holds 80-90 % of
    /// the window: the runner-up test alone lost such keys 12 dB over speech.
    public static let dominantToneToTotalDB: Double = -1
    /// The two tones must hold at least this share of the window's total power, in dB
    /// (-2.5 dB = 56 %). Speech and music spread their power; a DTMF pair in 10 dB SNR noise
    /// keeps about 90 %.
    public static let toneToTotalDB: Double = -2.5

    /// A sub-block is *on* (the key is sounding) when its amplitude at the key's two frequencies is
    /// at least this fraction of the press's reference (-6 dB).
    public static let onCoverage: Float = 0.5
    /// A sub-block is *steady* (usable for frequency measurement) when it and both neighbours
    /// reach this fraction (-6 dB). Clean tones read 0.94-1.0 once their mutual leakage is solved
    /// out; speech 12 dB under a key swings single sub-blocks to 0.6, and 0.7 (the former limit)
    /// left some 40 ms keys with no steady window pair at all.
    public static let fullCoverage: Float = 0.5
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
    /// A window may measure a press (its phase enters the frequency estimate) when the press's
    /// tones are the strongest of their groups by this much, in dB. Looser than `relativePeakDB`,
    /// which starts a press: speech under a key puts a harmonic 3-9 dB under one of its tones for
    /// a window or two, and one window missing broke a 40 ms key's only window pairs.
    public static let measureRelativePeakDB: Double = 3
    /// A window may measure a press when the tones hold this share of its power, in dB (-6 dB =
    /// 25 %); the confirmation rules below judge the share over the whole steady part.
    public static let measureToneToTotalDB: Double = -6

    /// Confirmation weighs three things measured over the steady part of a candidate: how close
    /// both tones are to nominal, how steady they are (window pairs, wander) and what share of the
    /// power they hold (the smaller of the sub-block share and the 15 ms window share, in dB).
    /// Keys from real keypads sit within a few tenths of a percent; talk-off in 97 minutes of
    /// espeak-ng speech (scripts/talkoff-scan) measured 0.53 % off or more, with shares of -1.4 dB
    /// or less when 0.53-0.6 % off. So a key close to nominal may hold less of the power (speech
    /// under it takes the rest), and one merely within Q.24's ±1.5 % must hold nearly all of it:
    /// the speech-with-keys set (scripts/keys-under-speech) and that scan chose these figures.
    /// Closest tier: both tones within this fraction of nominal (0.5 %).
    public static let preciseFrequencyTolerance: Double = 0.005
    /// Closest tier, 3 or more window pairs: largest wander of one window pair from the mean, in Hz
    /// (speech under a key perturbs single pairs; the mean stays put). A gliding voice read 0.47 %
    /// off over 6 pairs wandering 6.7 Hz.
    public static let preciseWanderHz: Double = 6
    /// Closest tier, 2 window pairs: largest wander, in Hz (each pair's distance from their mean).
    public static let preciseTwoPairWanderHz: Double = 7
    /// Closest tier, 3 or more window pairs: smallest tone share, in dB (-4 dB = 40 %).
    public static let preciseToneToTotalDB: Double = -4
    /// Closest tier, 2 window pairs, or 3 or more with one pair set aside (its wander read from the
    /// median, `ToneMeasurement.robustWanderHz`): smallest tone share, in dB (-1 dB = 79 %). Set
    /// aside at the 3-pair row's 40 %, a speech-like sound whose first pair read 18 Hz off held
    /// 59-64 % and passed.
    public static let preciseTwoPairToneToTotalDB: Double = -1
    /// Closest tier, 3 or more window pairs, at the 3-pair share (`preciseToneToTotalDB`) whatever
    /// the wander in Hz: largest distance of either tone's phase from a constant frequency, in
    /// radians (`ToneMeasurement.phaseResidualRadians`). Speech beating with a tone swings single
    /// pairs 6-10 Hz while the phase stays within 0.1 rad of a line; the talk-off material's voices
    /// within 0.5 % of nominal strayed 0.16 rad or more (a `7` in benjamin, pitch 99), the glide
    /// above 0.23 rad, the speech-like `A` 0.24 rad; 0.12 rad keeps a quarter of margin below them.
    public static let precisePhaseResidualRadians: Double = 0.12
    /// Closest tier, a single window pair (a 40 ms key whose other windows speech disturbed), and
    /// so any number of pairs: smallest tone share, in dB (-0.3 dB = 93 %).
    public static let preciseOnePairToneToTotalDB: Double = -0.3
    /// Middle tier: both tones within this fraction of nominal (0.6 %), wander ≤ `maximumFrequencyWanderHz`
    /// (a gliding voice read 0.58 % off, wandering 6.9 Hz, holding -0.4 dB).
    public static let nearFrequencyTolerance: Double = 0.006
    /// Middle tier, 2 or more pairs: smallest tone share, in dB (-0.5 dB = 89 %).
    public static let nearToneToTotalDB: Double = -0.5
    /// Any key within `frequencyTolerance`, 2 or more pairs, wander ≤ `maximumFrequencyWanderHz`:
    /// smallest tone share, in dB (-0.15 dB = 97 %). A clean key reads 0 dB at any offset up to
    /// ±1.5 % (each tone's window loss for its offset is put back); the voiced sounds that got past
    /// every other check read -0.2 dB or less.
    public static let offFrequencyToneToTotalDB: Double = -0.15
    /// A key off nominal that holds less than `offFrequencyToneToTotalDB` is still a key when it is as
    /// steady as a generator: every window pair within this many Hz of the mean. Clean keys 1.5 %
    /// off read ≤ 0.5 Hz (and 92-100 % of the power, the 5 ms bins losing some of a tone that far
    /// off); every talk-off in the scan wandered 0.8 Hz or more.
    public static let cleanWanderHz: Double = 0.7
    /// Such a steady key: share of the steady sub-blocks' power, in dB (-1 dB = 79 %).
    public static let cleanToneToTotalDB: Double = -1
    /// Such a steady key: share of the steady windows' power, in dB (-0.7 dB = 85 %).
    public static let cleanWindowToneToTotalDB: Double = -0.7
    /// A key off nominal that is neither: every window pair within this many Hz of the mean.
    /// Clean 40 ms keys 1.5 % off nominal (17,280 of them: every ±1.5 % combination, levels -3,
    /// -10 and -26 dBm0, 40 start offsets, random phases) wander up to 2 Hz over 2-3 pairs, since
    /// the leakage solve assumes nominal frequencies; each had a measurement within 1.6 Hz. The
    /// talk-off scan's one voice that would pass at 2 Hz wandered 1.85 Hz.
    public static let offNominalWanderHz: Double = 1.6
    /// Such a key: smallest mean of the sub-block and window shares, in dB (-0.29 dB = 93.6 %):
    /// those clean keys read ≥ 94.9 %, the scan's voices within 1.6 Hz ≤ 92.4 %.
    public static let offNominalToneToTotalDB: Double = -0.29
    /// Window pairs (5 ms apart, both inside the tone) needed outside the closest tier.
    public static let minimumFrequencyPairs = 2
    /// Most recent sub-blocks kept for look-back (80 ms).
    public static let historyLength = 16
}

