import Synchronization

/// A small single-producer, single-consumer ring of RTP packets, each with the moment it is due.
///
/// A call's line thread encodes each 20 ms packet into the next slot a little before it is due
/// (``nextSlot()``, then ``publish(length:deadline:)``); the media sender takes them out in order
/// when they are due (``oldestDeadline``, ``oldest``, ``removeOldest()``). No lock: the producer
/// alone moves `tail`, the consumer alone moves `head`, and each publishes with release ordering
/// what the other reads with acquire ordering, so neither thread ever waits for the other (the
/// sender runs at real-time priority and must never block behind a line thread).
final class PacketRing: @unchecked Sendable {
    /// Bytes in one slot: an RTP header and one 20 ms G.711 packet.
    static let slotBytes = 12 + RTPMedia.packetSamples
    /// Packets the ring holds (a power of two).
    let capacity: Int
    private let mask: Int
    private let bytes: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    private let deadlines: UnsafeMutablePointer<Int64>
    /// The next packet to take out (consumer).
    private let head = Atomic<Int>(0)
    /// The next slot to fill (producer).
    private let tail = Atomic<Int>(0)

    /// A ring of `capacity` packets (rounded up to a power of two, at least 2).
    init(capacity: Int) {
        var size = 2
        while size < capacity { size *= 2 }
        self.capacity = size
        mask = size - 1
        bytes = .allocate(capacity: size * Self.slotBytes)
        bytes.initialize(repeating: 0, count: size * Self.slotBytes)
        lengths = .allocate(capacity: size)
        lengths.initialize(repeating: 0, count: size)
        deadlines = .allocate(capacity: size)
        deadlines.initialize(repeating: 0, count: size)
    }

    deinit {
        bytes.deallocate()
        lengths.deallocate()
        deadlines.deallocate()
    }

    /// Packets waiting (either thread; a snapshot).
    var count: Int { tail.load(ordering: .acquiring) - head.load(ordering: .acquiring) }

    // MARK: Producer

    /// The slot to fill next (``slotBytes`` bytes), or nil when the ring is full.
    func nextSlot() -> UnsafeMutablePointer<UInt8>? {
        let end = tail.load(ordering: .relaxed)
        guard end - head.load(ordering: .acquiring) < capacity else { return nil }
        return bytes + (end & mask) * Self.slotBytes
    }

    /// Hands the slot from ``nextSlot()`` to the consumer: `length` bytes, due at `deadline`.
    func publish(length: Int, deadline: Int64) {
        let end = tail.load(ordering: .relaxed)
        lengths[end & mask] = min(length, Self.slotBytes)
        deadlines[end & mask] = deadline
        tail.store(end + 1, ordering: .releasing)
    }

    // MARK: Consumer

    /// When the oldest waiting packet is due, nil when none waits.
    var oldestDeadline: Int64? {
        let start = head.load(ordering: .relaxed)
        guard start < tail.load(ordering: .acquiring) else { return nil }
        return deadlines[start & mask]
    }

    /// The oldest waiting packet's bytes (valid until ``removeOldest()``; only when one waits).
    var oldest: UnsafeBufferPointer<UInt8> {
        let slot = head.load(ordering: .relaxed) & mask
        return UnsafeBufferPointer(start: bytes + slot * Self.slotBytes, count: lengths[slot])
    }

    /// Hands every packet due by `horizon` to `send` (its bytes and deadline), oldest first, freeing
    /// each slot after; returns the deadline of the next packet waiting, nil when none waits.
    func takeDue(by horizon: Int64, _ send: (UnsafeBufferPointer<UInt8>, Int64) -> Void) -> Int64? {
        while let deadline = oldestDeadline {
            guard deadline <= horizon else { return deadline }
            send(oldest, deadline)
            removeOldest()
        }
        return nil
    }

    /// Frees the oldest packet's slot for the producer.
    func removeOldest() {
        let start = head.load(ordering: .relaxed)
        guard start < tail.load(ordering: .acquiring) else { return }
        head.store(start + 1, ordering: .releasing)
    }
}
