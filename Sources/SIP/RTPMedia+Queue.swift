import Foundation
import Telephony

/// A call's packets, queued by its line thread ahead of their deadlines and sent by the
/// ``MediaSender`` thread when due.
///
/// Packet k (k = 0 is the line's priming, then one per 20 ms tick) is due at the call's answer
/// + (k + ``sendLeadPackets``) × 20 ms. The line thread makes packet k right after reading tick k
/// (at answer + k × 20 ms), so it has ``sendLeadPackets`` × 20 ms to be late before the packet
/// is; the caller hears the flow that much later than the line decides it (a key stops a prompt
/// 40 ms later than when each line thread sent its own packets).
extension RTPMedia: PacedStream {
    /// How many 20 ms ticks a packet is queued before it is due: the line thread's slack.
    static let sendLeadPackets = 2

    /// When packet `k` of a call whose clock started at `start` is due (`lead` ticks after its tick).
    static func deadline(ofPacket k: Int, start: Int64, lead: Int = sendLeadPackets) -> Int64 {
        start + Int64(k + lead) * packetNanoseconds
    }

    /// Queues every whole 20 ms packet of `samples` for the sender (line thread).
    func queue(_ samples: UnsafeBufferPointer<Int16>) {
        if pending.isEmpty && samples.count == Self.packetSamples {
            queuePacket(samples)
            return
        }
        pending.append(contentsOf: samples)
        while pending.count >= Self.packetSamples {
            pending.withUnsafeBufferPointer { queuePacket(UnsafeBufferPointer(rebasing: $0[0..<Self.packetSamples])) }
            pending.removeFirst(Self.packetSamples)
        }
    }

    private func queuePacket(_ samples: UnsafeBufferPointer<Int16>) {
        let deadline = Self.deadline(ofPacket: queuedPackets, start: startTime)
        queuedPackets += 1
        guard let slot = ring.nextSlot() else {
            // The sender has not taken 32 packets (640 ms): skip this one (the receiver sees a
            // lost packet) rather than wait on an audio thread; counted as late.
            sequence &+= 1
            timestamp &+= UInt32(Self.packetSamples)
            timing?.record(latenessNanoseconds: .max)   // not queued in time: sent late, in the last bin
            return
        }
        let length = encodePacket(samples, into: slot)
        ring.publish(length: length, deadline: deadline)
        if MonotonicClock.now() > deadline { timing?.recordBehind() }
        if queuedPackets == 1 {
            lastSentDeadline = deadline - Self.packetNanoseconds
            let sender = MediaSender.shared
            sendLock.withLock { self.sender = sender }
            sender.register(self)
            // Released meanwhile (the server stopping as the call starts): `release` marks the
            // descriptor first, so whichever way the two raced, the stream does not stay behind.
            if sendLock.withLock({ fd < 0 }) { sender.unregister(self) }
        }
    }

    /// Sends every queued packet due by `horizon`, recording how late each left; returns when the
    /// next one is due (or was expected, if the line has not queued it yet). Sender thread.
    func sendDue(by horizon: Int64) -> Int64 {
        let next = ring.takeDue(by: horizon) { bytes, deadline in
            lastSentDeadline = deadline
            if transmit(bytes) { timing?.record(latenessNanoseconds: MonotonicClock.now() - deadline) }
        }
        return next ?? lastSentDeadline + Self.packetNanoseconds
    }

    /// The line is done with the call (line thread): unless the caller hung up, waits until the
    /// packets already queued have left (at most the lead), then takes the stream off the sender.
    func finishSending(flush: Bool) {
        if flush && queuedPackets > 0 {
            let last = Self.deadline(ofPacket: queuedPackets - 1, start: startTime)
            let limit = last + MediaSender.earlySendNanoseconds + MediaSender.minimumGapNanoseconds
            while ring.count > 0 && MonotonicClock.now() < limit {
                MonotonicClock.sleep(until: min(limit, MonotonicClock.now() + Self.packetNanoseconds / 4))
            }
        }
        detachFromSender()
    }

    /// Takes the stream off the sender; afterwards the sender no longer touches it (any thread).
    func detachFromSender() {
        let sender = sendLock.withLock {
            defer { self.sender = nil }
            return self.sender
        }
        sender?.unregister(self)
    }
}
