import Testing
@testable import SIP

@Suite struct PacketRingTests {
    /// Fills the next slot with `byte` repeated `length` times, due at `deadline`; false when full.
    private func push(_ ring: PacketRing, byte: UInt8, length: Int = 172, deadline: Int64) -> Bool {
        guard let slot = ring.nextSlot() else { return false }
        for index in 0..<length { slot[index] = byte }
        ring.publish(length: length, deadline: deadline)
        return true
    }

    @Test func capacityIsRoundedUpToAPowerOfTwo() {
        #expect(PacketRing(capacity: 5).capacity == 8)
        #expect(PacketRing(capacity: 32).capacity == 32)
        #expect(PacketRing(capacity: 0).capacity == 2)
    }

    @Test func packetsComeOutInOrderWithTheirBytesLengthsAndDeadlines() {
        let ring = PacketRing(capacity: 4)
        #expect(push(ring, byte: 1, deadline: 100))
        #expect(push(ring, byte: 2, length: 40, deadline: 120))
        #expect(ring.count == 2)
        #expect(ring.oldestDeadline == 100)
        #expect(ring.oldest.count == 172 && ring.oldest.allSatisfy { $0 == 1 })
        ring.removeOldest()
        #expect(ring.oldestDeadline == 120)
        #expect(ring.oldest.count == 40 && ring.oldest.allSatisfy { $0 == 2 })
        ring.removeOldest()
        #expect(ring.oldestDeadline == nil)
        #expect(ring.count == 0)
        ring.removeOldest()  // nothing waits: no effect
        #expect(ring.count == 0)
    }

    @Test func aFullRingRefusesTheNextPacketUntilOneLeaves() {
        let ring = PacketRing(capacity: 4)
        for index in 0..<4 { #expect(push(ring, byte: UInt8(index), deadline: Int64(index))) }
        #expect(ring.nextSlot() == nil)
        ring.removeOldest()
        #expect(push(ring, byte: 9, deadline: 9))
        #expect(ring.nextSlot() == nil)
    }

    @Test func wrapsAroundManyTimesKeepingOrder() {
        let ring = PacketRing(capacity: 4)
        var expected: Int64 = 0
        var next: Int64 = 0
        for round in 0..<100 {
            // Put in one to three packets, take out all but one.
            for _ in 0...(round % 3) where ring.count < ring.capacity {
                #expect(push(ring, byte: UInt8(truncatingIfNeeded: next), deadline: next))
                next += 1
            }
            while ring.count > 1 {
                #expect(ring.oldestDeadline == expected)
                #expect(ring.oldest.first == UInt8(truncatingIfNeeded: expected))
                ring.removeOldest()
                expected += 1
            }
        }
        #expect(next > 150)
    }

    @Test func takeDueSendsOnlyWhatIsDueAndSaysWhenTheNextIs() {
        let ring = PacketRing(capacity: 8)
        for deadline: Int64 in [10, 20, 30, 40] { _ = push(ring, byte: UInt8(deadline), deadline: deadline) }
        var sent: [(UInt8, Int64)] = []
        let next = ring.takeDue(by: 25) { bytes, deadline in sent.append((bytes[0], deadline)) }
        #expect(sent.map(\.1) == [10, 20])
        #expect(sent.map(\.0) == [10, 20])
        #expect(next == 30)
        let rest = ring.takeDue(by: 1000) { _, deadline in sent.append((0, deadline)) }
        #expect(sent.map(\.1) == [10, 20, 30, 40])
        #expect(rest == nil)
        #expect(ring.count == 0)
    }
}
