import Foundation
import Testing
@testable import SIP

@Suite struct MediaSenderTests {
    @Test func packetKIsDueLeadTicksAfterItsTick() {
        let start: Int64 = 5_000_000_000
        #expect(RTPMedia.deadline(ofPacket: 0, start: start, lead: 2) == start + 40_000_000)
        #expect(RTPMedia.deadline(ofPacket: 1, start: start, lead: 2) == start + 60_000_000)
        #expect(RTPMedia.deadline(ofPacket: 50, start: start, lead: 0) == start + 1_000_000_000)
        // The default lead is the documented one, and leaves the line thread at least 20 ms.
        #expect(RTPMedia.deadline(ofPacket: 7, start: start) == start + Int64(7 + RTPMedia.sendLeadPackets) * 20_000_000)
        #expect(RTPMedia.sendLeadPackets >= 1)
    }

    @Test func wakesEarlyEnoughForTheNextDeadlineButNeverSpins() {
        let gap = MediaSender.minimumGapNanoseconds
        let early = MediaSender.earlySendNanoseconds
        let sleep = MediaSender.minimumSleepNanoseconds
        // A deadline well ahead: wake just early enough to send it on time.
        #expect(MediaSender.wakeTime(nextDeadline: 10_000_000, passStart: 0, passEnd: 10_000) == 10_000_000 - early)
        // A deadline close by: not before the minimum gap since the pass started.
        #expect(MediaSender.wakeTime(nextDeadline: 600_000, passStart: 0, passEnd: 10_000) == gap)
        // An overdue stream (its line has not queued the packet yet): poll at the gap.
        #expect(MediaSender.wakeTime(nextDeadline: -5_000_000, passStart: 0, passEnd: 10_000) == gap)
        // A long pass: sleep a little anyway.
        #expect(MediaSender.wakeTime(nextDeadline: 0, passStart: 0, passEnd: 3_000_000) == 3_000_000 + sleep)
        // Nothing waiting anywhere.
        #expect(MediaSender.wakeTime(nextDeadline: .max, passStart: 0, passEnd: 10_000) == gap)
    }

    /// A stream of numbered packets in a ring, recording what the sender took and when.
    private final class FakeStream: PacedStream, @unchecked Sendable {
        let ring = PacketRing(capacity: 16)
        let lock = NSLock()
        var sent: [(number: UInt8, deadline: Int64, at: Int64)] = []

        func push(_ number: UInt8, deadline: Int64) {
            let slot = ring.nextSlot()!
            slot[0] = number
            ring.publish(length: 1, deadline: deadline)
        }

        func sendDue(by horizon: Int64) -> Int64 {
            let now = MonotonicClock.now()
            let next = ring.takeDue(by: horizon) { bytes, deadline in
                lock.withLock { sent.append((bytes[0], deadline, now)) }
            }
            return next ?? .max
        }

        var sentNumbers: [UInt8] { lock.withLock { sent.map(\.number) } }
    }

    private func wait(until done: () -> Bool) {
        let limit = Date().addingTimeInterval(5)
        while !done() && Date() < limit { usleep(2_000) }
    }

    @Test func sendsEachStreamsPacketsInOrderNeverBeforeTheirTimeAndStopsAfterUnregister() {
        let sender = MediaSender()
        let a = FakeStream(), b = FakeStream()
        let now = MonotonicClock.now()
        for index in 0..<5 {
            a.push(UInt8(index), deadline: now + Int64(index) * 3_000_000)
            b.push(UInt8(10 + index), deadline: now + 1_000_000 + Int64(index) * 3_000_000)
        }
        sender.register(a)
        sender.register(b)
        sender.register(a)  // twice: still one stream
        #expect(sender.streamCount == 2)
        wait { a.sentNumbers.count == 5 && b.sentNumbers.count == 5 }
        #expect(a.sentNumbers == [0, 1, 2, 3, 4])
        #expect(b.sentNumbers == [10, 11, 12, 13, 14])
        for packet in a.lock.withLock({ a.sent }) + b.lock.withLock({ b.sent }) {
            #expect(packet.at >= packet.deadline - MediaSender.earlySendNanoseconds)
        }
        sender.unregister(a)
        #expect(sender.streamCount == 1)
        a.push(99, deadline: MonotonicClock.now())
        b.push(15, deadline: MonotonicClock.now())
        wait { b.sentNumbers.count == 6 }
        #expect(b.sentNumbers.last == 15)
        #expect(a.sentNumbers == [0, 1, 2, 3, 4])  // unregistered before: never touched again
        sender.unregister(b)
        #expect(sender.streamCount == 0)
    }
}

@Suite struct DescriptorLimitTests {
    @Test func leavesRoomForFourSocketsPerCallBesidesTheServer() {
        #expect(DescriptorLimit.wanted(maxCalls: 510) == 3064)  // bench-sip's 500 calls: past libre's 1,024
        #expect(DescriptorLimit.wanted(maxCalls: 0) == 1024)
        #expect(DescriptorLimit.wanted(maxCalls: -5) == 1024)
    }
}
