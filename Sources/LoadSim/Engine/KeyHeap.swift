import InPlaceTables

/// An 8-ary min-heap of 128-bit agenda keys (see `EventQueue.Key`).
///
/// A pop walks from the root to a leaf, each level waiting on the loads of the level before;
/// eight children per node make that walk three levels for 500 keys, where four children took
/// five or six, and the eight keys of a family (two cache lines) are compared as a branch-free
/// tournament. The table keeps eight `Key.max` keys past the last one, so every family is whole
/// and the walk has no edge case.
///
/// Keys are written in place (`InPlaceTable`): **a copy shares the storage**, so a heap has one
/// owner (an `EventQueue`).
struct KeyHeap {
    typealias Key = UInt128

    /// The keys in `0 ..< count`, then at least `arity` copies of `Key.max`.
    private var keys: InPlaceTable<Key>
    /// Number of keys.
    private(set) var count = 0
    private static var arity: Int { 8 }

    /// An empty heap with room for `capacity` keys before it grows.
    init(capacity: Int) {
        keys = InPlaceTable(repeating: .max, count: Swift.max(capacity, 1) + Self.arity)
    }

    /// The smallest key, or `Key.max` when empty (the padding).
    @inline(__always)
    var minKey: Key { keys[0] }

    /// Adds `key`.
    @inline(__always)
    mutating func push(_ key: Key) {
        if count + Self.arity >= keys.count { keys.append(.max) }
        Self.rise(key, from: count, in: keys.pointer)
        count += 1
    }

    /// Removes and returns the smallest key (`Key.max` when empty).
    @inline(__always)
    mutating func pop() -> Key {
        guard count > 0 else { return .max }
        let h = keys.pointer
        let top = h[0]
        count -= 1
        let last = h[count]
        h[count] = .max
        if count > 0 { Self.siftDown(last, in: h, count: count) }
        return top
    }

    /// Puts `item` into the hole at `hole`, moving it up past every larger parent.
    @inline(__always)
    private static func rise(_ item: Key, from hole: Int, in h: UnsafeMutablePointer<Key>) {
        var i = hole
        while i > 0 {
            let parent = (i &- 1) >> 3
            guard item < h[parent] else { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = item
    }

    /// The smaller of two keys and its index, without a branch.
    @inline(__always)
    private static func smaller(_ a: (Key, Int), _ b: (Key, Int)) -> (Key, Int) { b.0 < a.0 ? b : a }

    /// Puts `item` (the old last key) into the hole left at the root, bottom-up: the smallest
    /// child moves up at each level until the hole reaches a leaf, then `item` (usually one of
    /// the latest events) rises from there. About one comparison per level fewer than the usual
    /// way, since the item seldom needs to rise far. Families past `count` are `Key.max`.
    private static func siftDown(_ item: Key, in h: UnsafeMutablePointer<Key>, count n: Int) {
        var i = 0
        while true {
            let f = i &* 8 &+ 1
            if f >= n { break }
            let a = smaller((h[f], f), (h[f &+ 1], f &+ 1)), b = smaller((h[f &+ 2], f &+ 2), (h[f &+ 3], f &+ 3))
            let c = smaller((h[f &+ 4], f &+ 4), (h[f &+ 5], f &+ 5)), d = smaller((h[f &+ 6], f &+ 6), (h[f &+ 7], f &+ 7))
            let best = smaller(smaller(a, b), smaller(c, d))
            h[i] = best.0
            i = best.1
        }
        rise(item, from: i, in: h)
    }
}
