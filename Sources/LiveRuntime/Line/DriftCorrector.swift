/// Keeps the delay through a device on another crystal bounded, by dropping or inserting a
/// frame or two per period (at most 1.25 % at 160-frame periods; crystals differ by well under 0.1 %,
/// a cheap USB headset by a few tenths of a percent).
///
/// Once per period it is shown the device's fill level (frames waiting in a capture, or queued
/// in a playback); it learns the level of the first second as the target, follows a moving
/// average, and answers how many frames to add to the stream this period: negative (drop) when
/// the level has grown more than a quarter period above the target (the device runs fast: its
/// capture piles up, or its playback is slow and fills), positive (insert) when it sank as much
/// below. So the delay stays within about a period of where it started, over any length of call.
public struct DriftCorrector: Sendable {
    /// Frames per period.
    public let period: Int
    /// Periods of level seen before the average is taken as the target.
    public let learningPeriods: Int
    /// The level the corrector keeps (nil while learning).
    public private(set) var target: Double?
    /// Frames inserted and dropped so far.
    public private(set) var inserted = 0
    /// Frames dropped so far.
    public private(set) var dropped = 0
    private var average: Double?
    private var seen = 0

    /// A corrector for `period`-frame periods that learns its target over `learningPeriods`.
    public init(period: Int = 160, learningPeriods: Int = 50) {
        self.period = period
        self.learningPeriods = learningPeriods
    }

    /// The frames to add to this period's audio (negative: drop), given the device's level now.
    public mutating func correction(level: Int) -> Int {
        let value = Double(level)
        let average = self.average.map { $0 + (value - $0) / 25 } ?? value
        self.average = average
        seen += 1
        guard let target else {
            if seen >= learningPeriods { target = average }
            return 0
        }
        let band = Double(period) / 4
        let error = average - target
        let frames = error > 2 * band ? -2 : error > band ? -1 : error < -2 * band ? 2 : error < -band ? 1 : 0
        if frames > 0 { inserted += frames } else { dropped -= frames }
        return frames
    }

    /// `samples` made `by` frames longer (each added frame repeats its neighbour) or shorter
    /// (frames left out), at evenly spread places so no click stands out.
    public static func stretch(_ samples: [Int16], by frames: Int) -> [Int16] {
        guard frames != 0, !samples.isEmpty else { return samples }
        let count = abs(frames)
        let step = samples.count / (count + 1)
        var out: [Int16] = []
        out.reserveCapacity(samples.count + frames)
        var next = step
        var done = 0
        for (index, sample) in samples.enumerated() {
            if done < count && index == next {
                done += 1
                next += step
                if frames < 0 { continue }
                out.append(sample)
            }
            out.append(sample)
        }
        return out
    }
}
