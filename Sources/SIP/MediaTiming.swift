import Foundation

/// How punctually RTP packets left, over every call of a server (for `ivr line status` and the benchmark).
///
/// A packet's lateness is how long after its deadline (call start + n × 20 ms) it was handed to
/// the socket. Lateness is kept in a histogram of 0.1 ms bins up to 100 ms (later ones in the last bin).
public final class MediaTiming: @unchecked Sendable {
    /// A packet counts as late when it leaves more than this many milliseconds after its deadline.
    public static let lateThresholdMilliseconds = 5.0
    private static let binsPerMillisecond = 10
    /// Priority-inheriting: the real-time sender records every packet under it, and a line or
    /// status thread holding it must not keep the sender waiting behind busier threads.
    private let lock = PriorityInheritanceLock()
    private var bins = [Int](repeating: 0, count: 1001)
    private var sent = 0
    private var late = 0
    private var behind = 0

    /// No packets yet.
    public init() {}

    /// Records one packet sent `lateness` nanoseconds after its deadline (negative: early).
    public func record(latenessNanoseconds: Int64) {
        let milliseconds = Double(max(0, latenessNanoseconds)) / 1_000_000
        let bin = min(bins.count - 1, Int(milliseconds * Double(Self.binsPerMillisecond)))
        lock.withLock {
            sent += 1
            bins[bin] += 1
            if milliseconds > Self.lateThresholdMilliseconds { late += 1 }
        }
    }

    /// Records a packet its call's line thread queued only after its deadline (the line, not the
    /// sender, was late: a busy machine or a slow flow step).
    public func recordBehind() { lock.withLock { behind += 1 } }

    /// Packets queued after their deadline.
    public var packetsBehind: Int { lock.withLock { behind } }

    /// Packets sent, packets late, and the 99th percentile of lateness in milliseconds.
    public var summary: (sent: Int, late: Int, p99Milliseconds: Double) {
        lock.withLock {
            guard sent > 0 else { return (0, 0, 0) }
            let target = Int((Double(sent) * 0.99).rounded(.up))
            var seen = 0
            for (index, count) in bins.enumerated() {
                seen += count
                if seen >= target { return (sent, late, Double(index + 1) / Double(Self.binsPerMillisecond)) }
            }
            return (sent, late, Double(bins.count) / Double(Self.binsPerMillisecond))
        }
    }
}

/// The monotonic clock in nanoseconds, and sleeping until an absolute point on it.
enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary origin.
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// Sleeps until `deadline` (absolute, so errors never add up); returns at once if it has passed.
    static func sleep(until deadline: Int64) {
        var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
    }
}
