/// Keeps the delay through a device on another crystal bounded, by dropping or inserting a
/// frame or two per period (at most 1.25 % at 160-frame periods; crystals differ by well under 0.1 %,
/// a cheap USB headset by a few tenths of a percent).
///
/// Once per period it is shown the device's fill level (frames waiting in a capture, or queued
/// in a playback); it learns the level of the first second as the target and follows a moving
/// average. The answer (frames to add to the stream this period: negative drops) comes from a
/// proportional-integral loop, so a steady drift is corrected at a steady rate rather than in
/// bursts that overshoot and then correct the other way:
/// - errors within a quarter period of the target count as none (no correction at all on one clock);
/// - the integral learns the drift rate; the proportional part pulls the level back;
/// - each correction is added to the average at once, so the loop does not wait for the
///   average to see it (the lag that made the old band rule hunt when a sound server delivers
///   in bursts);
/// - beyond a period from the target it corrects a frame every period whatever the loop says.
///
/// So the delay stays within about a period of where it started, over any length of call.
public struct DriftCorrector: Sendable {
    /// Frames per period.
    public let period: Int
    /// Periods of level seen before the average is taken as the target.
    public let learningPeriods: Int
    /// The level the corrector keeps (nil while learning).
    public private(set) var target: Double?
    /// Frames inserted so far.
    public private(set) var inserted = 0
    /// Frames dropped so far.
    public private(set) var dropped = 0
    private var average: Double?
    private var seen = 0
    /// The drift rate learned so far, in frames per period (positive: the level grows).
    private var integral = 0.0
    /// Fractional frames decided but not yet applied (negative: to drop).
    private var owed = 0.0

    /// Periods in the moving average of the level.
    private static let smoothing = 25.0
    /// Frames per period of correction per frame of error beyond the dead band.
    private static let proportional = 0.008
    /// The integral's gain: critically damped with `proportional`.
    private static let integralGain = proportional * proportional / 4

    /// A corrector for `period`-frame periods that learns its target over `learningPeriods`.
    public init(period: Int = 160, learningPeriods: Int = 50) {
        self.period = period
        self.learningPeriods = learningPeriods
    }

    /// The frames to add to this period's audio (negative: drop), given the device's level now.
    public mutating func correction(level: Int) -> Int {
        var average = self.average.map { $0 + (Double(level) - $0) / Self.smoothing } ?? Double(level)
        seen += 1
        guard let target else {
            self.average = average
            if seen >= learningPeriods { target = average }
            return 0
        }
        let deadBand = Double(period) / 4
        let raw = average - target
        let error = raw > deadBand ? raw - deadBand : raw < -deadBand ? raw + deadBand : 0
        integral += Self.integralGain * error
        owed -= Self.proportional * error + integral
        var frames = owed >= 1 ? min(2, Int(owed)) : owed <= -1 ? max(-2, Int(owed)) : 0
        let guardBand = Double(period)
        if raw > guardBand && frames >= 0 {
            frames = -1
            integral = max(integral, 0)
        } else if raw < -guardBand && frames <= 0 {
            frames = 1
            integral = min(integral, 0)
        } else {
            owed -= Double(frames)
        }
        // Dropping lowers the level by that many frames now; inserting raises it.
        average += Double(frames)
        self.average = average
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
