import Foundation
import SoundIO

/// A real capture that stalls on purpose: after `start()` (the device already capturing) and/or
/// once `frames` have been read, the reader sleeps as a descheduled process would.
final class StallingSource: PacedCapture, @unchecked Sendable {
    let base: ALSACapture
    let startStall: Double
    let midStall: (frames: Int, seconds: Double)?
    private var stalled = false
    var name: String { base.name }
    var periodFrames: Int { base.periodFrames }
    var clock: SampleClock { base.clock }
    var recoveries: Int { base.recoveries }

    init(_ base: ALSACapture, startStall: Double = 0, midStall: (frames: Int, seconds: Double)? = nil) {
        self.base = base
        self.startStall = startStall
        self.midStall = midStall
    }

    func start() throws(AudioLineError) {
        try base.start()
        if startStall > 0 { usleep(useconds_t(startStall * 1e6)) }
    }

    func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        if let midStall, !stalled, base.clock.frames >= midStall.frames {
            stalled = true
            usleep(useconds_t(midStall.seconds * 1e6))
        }
        return try base.read(into: buffer)
    }

    func waitingFrames() -> Int { base.waitingFrames() }
    func readNow(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int { try base.readNow(into: buffer) }
    func setRecoveryLogging(_ on: Bool) { base.setRecoveryLogging(on) }
    func close() { base.close() }
}
