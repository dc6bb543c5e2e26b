import Foundation

/// The one thread that puts every SIP call's RTP packets on the wire at their deadlines.
///
/// Each call's line thread runs its flow on the call's own media clock and queues the packet for
/// 20 ms tick n a little ahead (``RTPMedia/sendLeadPackets``) in the call's ``PacketRing``; this
/// thread sleeps with `clock_nanosleep(TIMER_ABSTIME)` until the earliest deadline of any call,
/// sends whatever is due with a non-blocking `sendto`, and sleeps again. So deadlines are kept by
/// one thread at real-time priority (`SCHED_FIFO`, where permitted) instead of 500 line threads
/// competing with everything else on the machine for a core at the exact moment, and a line
/// thread that wakes a few milliseconds late costs nothing. Nothing here blocks: no store, no
/// allocation per packet, only short priority-inheriting locks.
///
/// Packets leave within ``earlySendNanoseconds`` before their deadline, and the thread wakes at
/// most once per ``minimumGapNanoseconds`` however many calls there are (at 500 calls a deadline
/// falls every 40 µs: one wake-up sends about 25 of them).
public final class MediaSender: @unchecked Sendable {
    /// The process's media sender (one real-time thread for every call of every server).
    public static let shared = MediaSender()

    /// A packet may leave this long before its deadline (so batched wake-ups are never late).
    static let earlySendNanoseconds: Int64 = 500_000
    /// The thread wakes at most this often.
    static let minimumGapNanoseconds: Int64 = 1_000_000
    /// It always sleeps at least this long after a pass (a real-time thread must never spin).
    static let minimumSleepNanoseconds: Int64 = 200_000

    private let lock = PriorityInheritanceLock()
    private var streams: [any PacedStream] = []
    /// When each stream's next packet is due (same order as `streams`): a pass asks only those due.
    private var nextDue: [Int64] = []
    private var started = false
    private var idle = false
    private let wake = DispatchSemaphore(value: 0)
    private var priorityNote = ""

    init() {
        // Registering must not allocate under the lock the sender waits on (a thread stuck in
        // malloc behind busier threads would stall every call's packets): room for many calls.
        streams.reserveCapacity(4096)
        nextDue.reserveCapacity(4096)
    }

    /// Starts the thread if it is not running and returns how it is scheduled, e.g.
    /// `real-time priority (SCHED_FIFO 10)` or why it runs at normal priority.
    @discardableResult
    public func start() -> String {
        let ready = DispatchSemaphore(value: 0)
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        if first {
            let thread = Thread { [self] in
                let note = ThreadPriority.raiseToRealTime()
                lock.withLock { priorityNote = note }
                ready.signal()
                run()
            }
            thread.name = "switchboard.media"
            thread.stackSize = 256 * 1024
            thread.start()
            ready.wait()
        }
        return lock.withLock { priorityNote }
    }

    /// Streams being sent (for tests and status).
    var streamCount: Int { lock.withLock { streams.count } }

    /// Adds a call's stream (its line thread, after queueing its first packet).
    func register(_ media: any PacedStream) {
        start()
        let wasIdle = lock.withLock {
            if !streams.contains(where: { $0 === media }) {
                streams.append(media)
                nextDue.append(.min)
            }
            defer { idle = false }
            return idle
        }
        if wasIdle { wake.signal() }
    }

    /// Removes a call's stream; when this returns the sender no longer touches it (it waits out a
    /// pass in progress), so its socket may be closed.
    func unregister(_ media: any PacedStream) {
        lock.withLock {
            guard let index = streams.firstIndex(where: { $0 === media }) else { return }
            streams.swapAt(index, streams.count - 1)
            streams.removeLast()
            nextDue.swapAt(index, nextDue.count - 1)
            nextDue.removeLast()
        }
    }

    private func run() {
        while true {
            let passStart = MonotonicClock.now()
            let next: Int64? = lock.withLock {
                if streams.isEmpty {
                    idle = true
                    return nil
                }
                var next = Int64.max
                let horizon = passStart + Self.earlySendNanoseconds
                for index in nextDue.indices {
                    if nextDue[index] <= horizon {
                        // Asked again at least once a packet period, whatever it said.
                        nextDue[index] = min(streams[index].sendDue(by: horizon), horizon + RTPMedia.packetNanoseconds)
                    }
                    next = min(next, nextDue[index])
                }
                return next
            }
            guard let next else {
                wake.wait()
                continue
            }
            let passEnd = MonotonicClock.now()
            MonotonicClock.sleep(until: Self.wakeTime(nextDeadline: next, passStart: passStart, passEnd: passEnd))
        }
    }

    /// When to wake after a pass that started at `passStart` and ended at `passEnd`, the earliest
    /// waiting deadline being `nextDeadline`: early enough to send it on time, but not before
    /// `passStart` + ``minimumGapNanoseconds`` nor `passEnd` + ``minimumSleepNanoseconds``.
    static func wakeTime(nextDeadline: Int64, passStart: Int64, passEnd: Int64) -> Int64 {
        let wanted = nextDeadline == .max ? passStart + minimumGapNanoseconds : nextDeadline - earlySendNanoseconds
        return max(wanted, passStart + minimumGapNanoseconds, passEnd + minimumSleepNanoseconds)
    }

}

/// A stream of packets the ``MediaSender`` sends when due (a call's ``RTPMedia``).
protocol PacedStream: AnyObject {
    /// Sends every packet due by `horizon` (sender thread); returns when the next one is due.
    func sendDue(by horizon: Int64) -> Int64
}
