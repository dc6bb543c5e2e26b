/// A fixed-size histogram of waiting times for percentiles, whatever the number of calls.
///
/// Bins are 0.1 s wide up to 10 minutes, 1 s wide up to 2 hours, 1 minute wide up to a day
/// and 1 hour wide up to 400 days (beyond the longest run, `ScenarioLimits.longestRun`);
/// anything longer shares one overflow bin. The exact maximum is kept apart. A percentile is
/// reported as the upper edge of the bin holding it, so it is never optimistic by more than
/// one bin width (under 1 % of the wait from 2 hours on, under 4 % from a day on).
public struct WaitHistogram: Sendable, Equatable {
    static let fineLimit = 600.0, fineWidth = 0.1, coarseLimit = 7200.0
    static let minuteLimit = 86_400.0, hourLimit = 400 * 86_400.0
    static let fineBins = Int(fineLimit / fineWidth)
    static let coarseEnd = fineBins + Int(coarseLimit - fineLimit)             // first minute bin
    static let minuteEnd = coarseEnd + Int((minuteLimit - coarseLimit) / 60)   // first hour bin
    static let hourEnd = minuteEnd + Int((hourLimit - minuteLimit) / 3600)     // the overflow bin
    static let binCount = hourEnd + 1

    private var bins: [UInt64] = Array(repeating: 0, count: WaitHistogram.binCount)
    /// Number of waits recorded.
    public private(set) var count: UInt64 = 0
    /// The longest wait recorded (0 when none).
    public private(set) var maximum: Double = 0

    /// An empty histogram.
    public init() {}

    /// A histogram of these bin counts (`binCount` of them), count and maximum: what
    /// `WaitBins` recorded in place.
    init(bins: [UInt64], count: UInt64, maximum: Double) {
        precondition(bins.count == Self.binCount, "a wait histogram has \(Self.binCount) bins")
        self.bins = bins
        self.count = count
        self.maximum = maximum
    }

    /// Records one wait of `seconds`.
    public mutating func record(_ seconds: Double) { record(seconds, bin: Self.bin(of: seconds)) }

    /// Records one wait of `seconds` whose bin is `bin` (= `bin(of: seconds)`): a wait recorded
    /// in two histograms (all queues and its own) finds its bin once.
    @inline(__always)
    mutating func record(_ seconds: Double, bin: Int) {
        bins[bin] &+= 1
        count &+= 1
        let w = max(0, seconds)
        if w > maximum { maximum = w }
    }

    /// The bin a wait of `seconds` falls in.
    @inline(__always)
    static func bin(of seconds: Double) -> Int {
        let w = max(0, seconds)
        if w < Self.fineLimit { return Int(w / Self.fineWidth) }
        if w < Self.coarseLimit { return Self.fineBins + Int(w - Self.fineLimit) }
        if w < Self.minuteLimit { return Self.coarseEnd + Int((w - Self.coarseLimit) / 60) }
        if w < Self.hourLimit { return Self.minuteEnd + Int((w - Self.minuteLimit) / 3600) }
        return Self.hourEnd
    }

    /// The wait below which a fraction `q` (0…1) of recorded waits fall (0 when empty).
    public func percentile(_ q: Double) -> Double {
        guard count > 0 else { return 0 }
        let rank = max(1, UInt64((q * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, n) in bins.enumerated() {
            seen += n
            if seen >= rank { return min(maximum, Self.upperEdge(i)) }
        }
        return maximum
    }

    /// Adds another histogram's counts (for totals over queues).
    public mutating func merge(_ other: WaitHistogram) {
        for i in bins.indices { bins[i] &+= other.bins[i] }
        count &+= other.count
        maximum = max(maximum, other.maximum)
    }

    static func upperEdge(_ i: Int) -> Double {
        if i < fineBins { return Double(i + 1) * fineWidth }
        if i < coarseEnd { return fineLimit + Double(i - fineBins + 1) }
        if i < minuteEnd { return coarseLimit + Double(i - coarseEnd + 1) * 60 }
        if i < hourEnd { return minuteLimit + Double(i - minuteEnd + 1) * 3600 }
        return .infinity
    }
}
