import Foundation

/// Two outbound legs joined both ways (an agent's phone and a customer reached through a trunk):
/// each 20 ms, on this bridge's own clock, one packet of each side's audio goes to the other.
public enum SIPLegBridge {
    /// Starts a thread that joins `a` and `b` until either hangs up, then hangs up the other
    /// and calls `onEnd` with the side that hung up first (true: `a`).
    public static func start(_ a: SIPLeg, _ b: SIPLeg, name: String, onEnd: @escaping @Sendable (_ aHungUp: Bool) -> Void) {
        let thread = Thread {
            var fromA = [Int16](repeating: 0, count: RTPMedia.packetSamples)
            var fromB = [Int16](repeating: 0, count: RTPMedia.packetSamples)
            var deadline = MonotonicClock.now()
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
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.stackSize = 256 * 1024
        thread.start()
    }
}
