import Foundation
import Telephony

/// Two outbound legs joined both ways (an agent's phone and a customer reached through a trunk):
/// each 20 ms, on this bridge's own clock, one packet of each side's audio goes to the other.
public enum SIPLegBridge {
    /// What the second leg is doing while the first waits for it.
    public enum Progress: Sendable {
        /// Still ringing: the first leg hears the ringback tone.
        case ringing
        /// Answered: join the two.
        case answered
        /// Given up (refused, not answered, the first leg hung up): stop, hang up nothing.
        case over
    }

    /// Starts a thread that plays `ringback` to `a` (each 20 ms, on its own clock; silence until
    /// `b` answers 180 or 183, as a PBX plays ringback on the far end's Ringing) while
    /// `progress` says `b` rings, then joins them once `b` is answered (until either hangs
    /// up; the other is hung up and `onEnd` told which side went first, true: `a`); if `progress` says `.over` (or `a` hangs up) it stops without joining or ending
    /// either leg, and `onEnd` is not called.
    public static func ringThenJoin(_ a: SIPLeg, _ b: SIPLeg, ringback: TonePattern, name: String,
                                    progress: @escaping @Sendable () -> Progress,
                                    onEnd: @escaping @Sendable (_ aHungUp: Bool) -> Void) {
        thread(name) {
            var tone = ToneGenerator(pattern: ringback)
            var packet = [Int16](repeating: 0, count: RTPMedia.packetSamples)
            var deadline = MonotonicClock.now()
            var state = progress()
            while state == .ringing && !a.hasEnded {
                deadline += RTPMedia.packetNanoseconds
                MonotonicClock.sleep(until: deadline)
                _ = packet.withUnsafeMutableBufferPointer { (try? a.source.read(into: $0)) ?? 0 }  // keep a's jitter buffer drained
                if b.isRinging {
                    packet.withUnsafeMutableBufferPointer { tone.fill($0) }
                } else {
                    for index in packet.indices { packet[index] = 0 }
                }
                _ = packet.withUnsafeBufferPointer { try? a.sink.write($0) }
                state = progress()
            }
            if state == .answered && !a.hasEnded { join(a, b, from: deadline, onEnd: onEnd) }
        }
    }

    private static func join(_ a: SIPLeg, _ b: SIPLeg, from start: Int64, onEnd: @Sendable (_ aHungUp: Bool) -> Void) {
        var fromA = [Int16](repeating: 0, count: RTPMedia.packetSamples)
        var fromB = [Int16](repeating: 0, count: RTPMedia.packetSamples)
        var deadline = start
        while !a.hasEnded && !b.hasEnded {
            deadline += RTPMedia.packetNanoseconds
            MonotonicClock.sleep(until: deadline)
            let gotA = fromA.withUnsafeMutableBufferPointer { (try? a.source.read(into: $0)) ?? 0 }
            let gotB = fromB.withUnsafeMutableBufferPointer { (try? b.source.read(into: $0)) ?? 0 }
            if gotA == 0 || gotB == 0 { break }
            _ = fromA.withUnsafeBufferPointer { try? b.sink.write($0) }
            _ = fromB.withUnsafeBufferPointer { try? a.sink.write($0) }
        }
        let aFirst = a.hasEnded
        a.hangUp()
        b.hangUp()
        onEnd(aFirst)
    }

    private static func thread(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.stackSize = 256 * 1024
        thread.start()
    }
}
