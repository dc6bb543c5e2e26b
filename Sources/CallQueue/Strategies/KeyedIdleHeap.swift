import HeapModule
import InPlaceTables

/// Idle members ordered by a key fixed while they are idle (calls taken, talk
/// time), ties by member order; stale entries dropped lazily. O(log n).
struct KeyedIdleHeap: Sendable {
    struct Entry: Comparable, Sendable {
        var key: Double
        var member: Int32
        var agent: Int32
        var epoch: UInt32

        static func < (a: Entry, b: Entry) -> Bool {
            a.key != b.key ? a.key < b.key : a.member < b.member
        }
        static func == (a: Entry, b: Entry) -> Bool {
            a.key == b.key && a.member == b.member && a.agent == b.agent && a.epoch == b.epoch
        }
    }

    var heap = Heap<Entry>()
    var members = 0

    mutating func insert(_ c: IdleCandidate, key: Double, epochs: IdleEpochs) {
        members = max(members, Int(c.member) + 1)
        if heap.count > 2 * members + 32 {
            heap = Heap(heap.unordered.filter { epochs[Int($0.agent)] == $0.epoch })
        }
        heap.insert(Entry(key: key, member: c.member, agent: c.agent.index, epoch: c.epoch))
    }

    mutating func dropStale(_ epochs: IdleEpochs) -> Bool {
        while let top = heap.min {
            if epochs[Int(top.agent)] == top.epoch { return true }
            _ = heap.popMin()
        }
        return false
    }

    mutating func pop(_ epochs: IdleEpochs) -> AgentHandle? {
        guard dropStale(epochs), let top = heap.popMin() else { return nil }
        return AgentHandle(Int(top.agent))
    }
}
