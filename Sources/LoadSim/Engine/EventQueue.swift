/// The simulator's agenda: a 4-ary min-heap of events ordered by (time, sequence).
///
/// The sequence number grows with every push, so events at the same instant come out in
/// the order they were scheduled (as in SimPy) and a run never depends on heap layout.
///
/// The heap itself holds 16-byte keys only: the time, the push sequence and the payload's slot
/// in a side table, packed so that one 128-bit comparison orders two events. Four children then
/// fill exactly one 64-byte cache line, so a pop (the hot path: every event is popped once)
/// touches one line per level, and moving a key moves 16 bytes, not the whole event.
///
/// The keys, the payloads and the free payload slots are kept in `UnsafeTable`s (no copy-on-write
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

    private var heap = UnsafeTable<Key>(capacity: 1024)
    private var payloads = UnsafeTable<Payload>(capacity: 1024)
    private var freeSlots = UnsafeTable<UInt32>(capacity: 1024)
    private var nextSequence: UInt64 = 0

    /// An empty agenda.
    public init() {}

    /// Number of pending events.
    public var count: Int { heap.count }
    /// Size of the payload side table: the most events that have been pending at once
    /// (slots are reused, never released), so memory's high-water mark.
    public var slotCount: Int { payloads.count }
    /// Whether nothing is pending.
    public var isEmpty: Bool { heap.isEmpty }
    /// The time of the next event, if any.
    public var nextTime: Double? { heap.isEmpty ? nil : Self.time(heap[0]) }

    /// The time of the next event, or infinity when nothing is pending.
    @inline(__always)
    var nextTimeOrInfinity: Double { heap.isEmpty ? .infinity : Self.time(heap[0]) }

    /// The next event's key (time, then push order), or `Key.max` when nothing is pending: what
    /// an event kept outside the agenda (``key(at:slot:)``) is compared with.
    @inline(__always)
    var nextKey: Key { heap.isEmpty ? .max : heap[0] }

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
        heap.append(Key(bits) << 64 | Key(nextSequence << Self.slotBits | slot))
        nextSequence &+= 1
        let h = UnsafeMutableBufferPointer(start: heap.pointer, count: heap.count)
        Self.rise(h[h.count - 1], from: h.count - 1, in: h)
    }

    /// Removes and returns the earliest event (ties: first scheduled).
    public mutating func pop() -> Entry? {
        guard let last = heap.popLast() else { return nil }
        let top = heap.isEmpty ? last : heap[0]
        if !heap.isEmpty {
            siftDown(last)
        }
        let tag = UInt64(truncatingIfNeeded: top)
        let slot = Int(tag & Self.slotMask)
        freeSlots.append(UInt32(slot))
        return Entry(time: Self.time(top), sequence: tag >> Self.slotBits, payload: payloads[slot])
    }

    @inline(__always)
    private static func time(_ key: Key) -> Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }

    @inline(__always)
    private static func less(_ a: Key, _ b: Key) -> Bool { a < b }

    /// Puts `item` into the hole at `hole`, moving it up past every larger parent.
    @inline(__always)
    private static func rise(_ item: Key, from hole: Int, in h: UnsafeMutableBufferPointer<Key>) {
        var i = hole
        while i > 0 {
            let parent = (i - 1) >> 2
            guard less(item, h[parent]) else { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = item
    }

    /// Puts `item` (the old last key) into the hole left at the root, bottom-up: the smallest
    /// child moves up at each level until the hole reaches a leaf, then `item` (usually one of
    /// the latest events) rises from there. About one comparison per level fewer than the usual
    /// way, since the item seldom needs to rise far.
    private mutating func siftDown(_ item: Key) {
        do {
            let h = UnsafeMutableBufferPointer(start: heap.pointer, count: heap.count)
            let n = h.count
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= n { break }
                var child = first
                if first + 3 < n {
                    // A full family: two pairs, then the winners (no loop, fewer branches).
                    let a = Self.less(h[first + 1], h[first]) ? first + 1 : first
                    let b = Self.less(h[first + 3], h[first + 2]) ? first + 3 : first + 2
                    child = Self.less(h[b], h[a]) ? b : a
                } else {
                    var c = first + 1
                    while c < n {
                        if Self.less(h[c], h[child]) { child = c }
                        c += 1
                    }
                }
                h[i] = h[child]
                i = child
            }
            Self.rise(item, from: i, in: h)
        }
    }
}
