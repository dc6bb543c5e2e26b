import InPlaceTables

/// The simulator's agenda: events ordered by (time, sequence).
///
/// The sequence number grows with every push, so events at the same instant come out in
/// the order they were scheduled (as in SimPy) and a run never depends on the agenda's layout.
///
/// The agenda orders 16-byte keys only: the time, the push sequence and the payload's slot in a
/// side table, packed so that one 128-bit comparison orders two events. Keys of the next half
/// hour go to one-second buckets (`SecondBuckets`: a push is a store, a pop compares a few
/// keys); the rest (far ahead, a crowded second, or before the last event handed out) go to an
/// 8-ary heap (`KeyHeap`). A pop takes the smaller of the two smallest keys, so the order is
/// exactly the keys' order whichever holds them.
///
/// The payloads and the free payload slots are kept in `InPlaceTable`s (no copy-on-write
/// check per write), so payloads are plain values and **a copy shares the storage**: an agenda
/// has one owner (a `SimulationRun`).
struct EventQueue<Payload> {
    /// One scheduled event, as `pop` returns it.
    public struct Entry {
        /// Virtual time in seconds.
        public var time: Double
        /// Tie-breaker: push order.
        public var sequence: UInt64
        /// What happens.
        public var payload: Payload
    }

    /// A heap node: the time's bits in the high 64 bits (for times ≥ 0 the bit patterns sort
    /// as the numbers do), then the push sequence (40 bits) and the payload slot (24 bits).
    /// One unsigned comparison orders by (time, sequence) without a branch to mispredict.
    typealias Key = UInt128

    private static var slotBits: UInt64 { 24 }
    private static var slotMask: UInt64 { (1 << slotBits) - 1 }
    /// The most events that may be pending at once (16.7 million).
    public static var capacity: Int { Int(slotMask) + 1 }

    private var soon = SecondBuckets()
    private var later = KeyHeap(capacity: 256)
    private var payloads = InPlaceTable<Payload>(capacity: 1024)
    private var freeSlots = InPlaceTable<UInt32>(capacity: 1024)
    private var nextSequence: UInt64 = 0

    /// An empty agenda.
    public init() {}

    /// Number of pending events.
    public var count: Int { soon.count + later.count }
    /// Size of the payload side table: the most events that have been pending at once
    /// (slots are reused, never released), so memory's high-water mark.
    public var slotCount: Int { payloads.count }
    /// Whether nothing is pending.
    public var isEmpty: Bool { count == 0 }
    /// The time of the next event, if any.
    public var nextTime: Double? { isEmpty ? nil : Self.time(nextKey) }

    /// The next event's key (time, then push order), or `Key.max` when nothing is pending: what
    /// an event kept outside the agenda (``key(at:slot:)``) is compared with.
    @inline(__always)
    var nextKey: Key { min(soon.minKey, later.minKey) }

    /// A key for an event kept outside the agenda (the patience deadlines, `DeadlineHeap`) at
    /// `time`, carrying `slot` (< 2^24): it takes the next push sequence, so it orders against
    /// the agenda's keys exactly as if the event had been pushed here now.
    @inline(__always)
    mutating func key(at time: Double, slot: Int) -> Key {
        precondition(time >= 0 && slot >= 0 && UInt64(slot) <= Self.slotMask, "event key out of range")
        let key = Key((time + 0.0).bitPattern) << 64 | Key(nextSequence << Self.slotBits | UInt64(slot))
        nextSequence &+= 1
        return key
    }

    /// The time a key (from ``nextKey`` or ``key(at:slot:)``) stands for.
    @inline(__always)
    static func time(ofKey key: Key) -> Double { time(key) }

    /// The slot a key from ``key(at:slot:)`` carries.
    @inline(__always)
    static func slot(ofKey key: Key) -> Int { Int(UInt64(truncatingIfNeeded: key) & slotMask) }

    /// Schedules `payload` at `time`.
    ///
    /// - Precondition: `time` is not negative (virtual time starts at 0) and fewer than `capacity` events are pending (a run that needs more has
    ///   millions of calls in progress at once and would not fit in memory anyway).
    public mutating func push(_ payload: Payload, at time: Double) {
        let slot: UInt64
        if let free = freeSlots.popLast() {
            slot = UInt64(free)
            payloads[Int(free)] = payload
        } else {
            precondition(payloads.count < Self.capacity, "more than \(Self.capacity) simulation events pending at once")
            slot = UInt64(payloads.count)
            payloads.append(payload)
        }
        precondition(time >= 0, "simulation events cannot be scheduled before time 0")
        let bits = (time + 0.0).bitPattern           // + 0.0 turns -0.0 into +0.0
        let key = Key(bits) << 64 | Key(nextSequence << Self.slotBits | slot)
        nextSequence &+= 1
        if !soon.push(key, at: time) { later.push(key) }
    }

    /// Removes and returns the earliest event (ties: first scheduled).
    public mutating func pop() -> Entry? {
        let top: Key
        if soon.minKey < later.minKey {
            top = soon.pop()
        } else if later.count > 0 {
            top = later.pop()
            soon.passed(Self.time(top))
        } else {
            return nil
        }
        let tag = UInt64(truncatingIfNeeded: top)
        let slot = Int(tag & Self.slotMask)
        freeSlots.append(UInt32(slot))
        return Entry(time: Self.time(top), sequence: tag >> Self.slotBits, payload: payloads[slot])
    }

    @inline(__always)
    private static func time(_ key: Key) -> Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
}
