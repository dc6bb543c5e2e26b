/// The agenda's next half hour in one-second buckets (a calendar queue after R. Brown,
/// "Calendar queues", CACM 1988), beside the heap that takes everything else (`EventQueue`).
///
/// A 500-agent run has about 500 talk ends pending, 1.7 per second of the next few minutes. A
/// heap pop walks three to six levels, each waiting on the loads of the one before (15 % of a
/// run); here a push writes a key into the bucket of its second and a pop takes the smallest
/// key of the first occupied bucket (at most eight keys to compare, usually one or two), then finds the next one in a
/// bitmap. Only the keys of one bucket are compared, so the order is exactly the keys' order.
///
/// A bucket holds up to `perBucket` keys; a key that finds its bucket full, lies more than
/// `bucketCount` seconds ahead, or falls before `floor` is refused, and the agenda keeps it in
/// its heap: the buckets are a fast path, never a condition for a correct order.
///
/// Storage is written in place through pointers: **a copy shares it**, so the buckets have one
/// owner (an `EventQueue`).
struct SecondBuckets {
    typealias Key = UInt128

    /// Buckets in the ring: the seconds ahead it can hold (34 minutes).
    static var bucketCount: Int { 2048 }
    /// Keys per bucket: eight 16-byte keys, two cache lines (the second is touched only when a
    /// second holds more than four events: the store's flow, with prompts and keys, often does).
    static var perBucket: Int { 8 }
    private static var mask: Int { bucketCount - 1 }

    /// Frees the storage when the last copy goes away.
    private final class Owner: @unchecked Sendable {
        let keys: UnsafeMutablePointer<Key>
        let counts: UnsafeMutablePointer<UInt8>
        let occupied: UnsafeMutablePointer<UInt64>
        init() {
            keys = .allocate(capacity: SecondBuckets.bucketCount * SecondBuckets.perBucket)
            counts = .allocate(capacity: SecondBuckets.bucketCount)
            counts.initialize(repeating: 0, count: SecondBuckets.bucketCount)
            occupied = .allocate(capacity: SecondBuckets.bucketCount / 64)
            occupied.initialize(repeating: 0, count: SecondBuckets.bucketCount / 64)
        }
        deinit {
            keys.deallocate()
            counts.deallocate()
            occupied.deallocate()
        }
    }

    private let owner = Owner()
    /// The first second a key may be taken for: the second of the last key the agenda handed
    /// out (every bucket in use lies in `floor ..< floor + bucketCount`).
    private var floor = 0
    /// The first occupied second, or `Int.max` when empty.
    private var first = Int.max
    /// The smallest key held, or `Key.max` when empty.
    private(set) var minKey: Key = .max
    /// Number of keys held.
    private(set) var count = 0

    /// Takes `key`, whose time is `time` seconds, if its bucket is within reach and not full.
    @inline(__always)
    mutating func push(_ key: Key, at time: Double) -> Bool {
        guard time < Double(Int.max / 2) else { return false }
        let second = Int(time)
        guard second >= floor, second &- floor < Self.bucketCount else { return false }
        let s = second & Self.mask
        let n = Int(owner.counts[s])
        guard n < Self.perBucket else { return false }
        owner.keys[s &* Self.perBucket &+ n] = key
        owner.counts[s] = UInt8(truncatingIfNeeded: n &+ 1)
        owner.occupied[s >> 6] |= 1 << UInt64(s & 63)
        count += 1
        if second < first {
            first = second
            minKey = key
        } else if second == first && key < minKey {
            minKey = key
        }
        return true
    }

    /// Removes and returns the smallest key (`minKey`); there must be one.
    @inline(__always)
    mutating func pop() -> Key {
        let key = minKey
        let s = first & Self.mask, base = s &* Self.perBucket
        let n = Int(owner.counts[s])
        var i = 0
        while owner.keys[base &+ i] != key { i &+= 1 }
        owner.keys[base &+ i] = owner.keys[base &+ n &- 1]
        owner.counts[s] = UInt8(truncatingIfNeeded: n &- 1)
        count -= 1
        floor = first
        if n == 1 {
            owner.occupied[s >> 6] &= ~(1 << UInt64(s & 63))
            first = count == 0 ? .max : nextOccupied(after: first)
        }
        minKey = count == 0 ? .max : smallest(inSecond: first)
        return key
    }

    /// The agenda handed out a key of `time` from elsewhere: no key before its second will come.
    @inline(__always)
    mutating func passed(_ time: Double) {
        guard time < Double(Int.max / 2) else { return }
        let second = Int(time)
        if second > floor && second <= first { floor = second }
    }

    /// The first occupied second after `second` (whose bucket is empty); keys are held.
    private func nextOccupied(after second: Int) -> Int {
        var distance = 1
        while distance < Self.bucketCount {
            let s = (second &+ distance) & Self.mask
            let bits = owner.occupied[s >> 6] >> UInt64(s & 63)
            if bits != 0 { return second &+ distance &+ bits.trailingZeroBitCount }
            distance &+= 64 &- (s & 63)
        }
        preconditionFailure("second buckets: keys counted but none found")
    }

    /// The smallest key in the bucket of `second` (occupied).
    @inline(__always)
    private func smallest(inSecond second: Int) -> Key {
        let s = second & Self.mask, base = s &* Self.perBucket
        var best = owner.keys[base]
        for i in 1 ..< Int(owner.counts[s]) where owner.keys[base &+ i] < best { best = owner.keys[base &+ i] }
        return best
    }
}
