import InPlaceTables

/// The patience deadlines of the callers waiting in queues, kept apart from the agenda.
///
/// A caller who has to wait draws a patience; nearly always an agent answers first. On the
/// agenda every such deadline stayed until its time came and was then popped stale, so the
/// agenda held the talk ends plus a deadline per recent waiter and popped a third more events
/// than there were calls. Here each call slot has at most one deadline and an answered caller's
/// is taken out at once (`remove`), so this heap holds only the callers still waiting (a
/// handful in a well-staffed queue) and the agenda only what will happen.
///
/// Keys come from the agenda (`EventQueue.key(at:slot:)`): the time, then a push sequence
/// shared with the agenda's own events, so the run loop orders a deadline against the agenda's
/// next event exactly as when deadlines were agenda events (equal times: first scheduled first).
///
/// Tables are `InPlaceTable`s written in place: one owner (a `SimulationRun`), never copied in use.
struct DeadlineHeap {
    typealias Key = EventQueue<SimEvent>.Key

    /// A binary min-heap of keys (their low 24 bits carry the call slot).
    private var heap = InPlaceTable<Key>(capacity: 64)
    /// By call slot: the index of its deadline in `heap`, or -1 when it has none.
    private var place = InPlaceTable<Int32>(capacity: 64)

    /// Number of pending deadlines.
    var count: Int { heap.count }

    /// The earliest deadline's key, or `Key.max` when none is pending.
    @inline(__always)
    var nextKey: Key { heap.isEmpty ? .max : heap[0] }

    /// Sets the deadline of call slot `slot` (the slot `key` carries), replacing the one it had.
    mutating func set(_ key: Key) {
        let slot = EventQueue<SimEvent>.slot(ofKey: key)
        while place.count <= slot { place.append(-1) }
        if place[slot] >= 0 { remove(slot: slot) }
        heap.append(key)
        rise(key, from: heap.count - 1)
    }

    /// Removes call slot `slot`'s deadline, if it has one.
    @inline(__always)
    mutating func remove(slot: Int) {
        guard slot < place.count else { return }
        let i = Int(place[slot])
        guard i >= 0 else { return }
        place[slot] = -1
        guard let last = heap.popLast() else { return }
        guard i < heap.count else { return }          // it was the last one
        // The last key fills the hole: it moves up or down from there.
        if i > 0 && last < heap[(i - 1) >> 1] { rise(last, from: i) } else { sink(last, from: i) }
    }

    /// Removes the earliest deadline and returns its call slot.
    ///
    /// - Precondition: a deadline is pending.
    mutating func popSlot() -> Int {
        let top = heap[0]
        let slot = EventQueue<SimEvent>.slot(ofKey: top)
        place[slot] = -1
        if let last = heap.popLast(), !heap.isEmpty { sink(last, from: 0) }
        return slot
    }

    /// Puts `key` into the hole at `hole`, moving larger parents down.
    private mutating func rise(_ key: Key, from hole: Int) {
        var i = hole
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = heap[parent]
            guard key < p else { break }
            heap[i] = p
            place[EventQueue<SimEvent>.slot(ofKey: p)] = Int32(i)
            i = parent
        }
        heap[i] = key
        place[EventQueue<SimEvent>.slot(ofKey: key)] = Int32(i)
    }

    /// Puts `key` into the hole at `hole`, moving smaller children up.
    private mutating func sink(_ key: Key, from hole: Int) {
        var i = hole
        let n = heap.count
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && heap[child + 1] < heap[child] { child += 1 }
            let c = heap[child]
            guard c < key else { break }
            heap[i] = c
            place[EventQueue<SimEvent>.slot(ofKey: c)] = Int32(i)
            i = child
        }
        heap[i] = key
        place[EventQueue<SimEvent>.slot(ofKey: key)] = Int32(i)
    }
}
