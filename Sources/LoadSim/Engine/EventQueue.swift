/// The simulator's agenda: a 4-ary min-heap of events ordered by (time, sequence).
///
/// The sequence number grows with every push, so events at the same instant come out in
/// the order they were scheduled (as in SimPy) and a run never depends on heap layout.
/// Four children per node halve the depth of a binary heap; popping (the hot path: every
/// event is popped once) then touches about half as many cache lines.
public struct EventQueue<Payload> {
    /// One scheduled event.
    public struct Entry {
        /// Virtual time in seconds.
        public var time: Double
        /// Tie-breaker: push order.
        public var sequence: UInt64
        /// What happens.
        public var payload: Payload
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    /// An empty agenda.
    public init() {}

    /// Number of pending events.
    public var count: Int { heap.count }
    /// Whether nothing is pending.
    public var isEmpty: Bool { heap.isEmpty }
    /// The time of the next event, if any.
    public var nextTime: Double? { heap.first?.time }

    /// Schedules `payload` at `time`.
    public mutating func push(_ payload: Payload, at time: Double) {
        heap.append(Entry(time: time, sequence: nextSequence, payload: payload))
        nextSequence &+= 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest event (ties: first scheduled).
    public mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return top
    }

    private static func less(_ a: Entry, _ b: Entry) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        let item = heap[i]
        while i > 0 {
            let parent = (i - 1) >> 2
            guard Self.less(item, heap[parent]) else { break }
            heap[i] = heap[parent]
            i = parent
        }
        heap[i] = item
    }

    /// Fills the hole at `start` (bottom-up): the smallest child moves up at each level until
    /// the hole reaches a leaf, then `item` (the old last entry, usually one of the latest
    /// events) rises from there. About one comparison per level fewer than the usual way, since
    /// the item seldom needs to rise far.
    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        let item = heap[i]
        heap.withUnsafeMutableBufferPointer { h in
            while true {
                let first = 4 * i + 1
                if first >= n { break }
                var child = first
                let last = min(first + 4, n)
                var c = first + 1
                while c < last {
                    if Self.less(h[c], h[child]) { child = c }
                    c += 1
                }
                h[i] = h[child]
                i = child
            }
            while i > start {
                let parent = (i - 1) >> 2
                guard Self.less(item, h[parent]) else { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = item
        }
    }
}
