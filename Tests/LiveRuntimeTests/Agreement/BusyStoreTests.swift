import CallFlow
import Foundation
import GRDB
import SoundIO
import Storage
import Testing
@testable import LiveRuntime

/// Nothing blocks the audio thread: another connection holds the store's write lock (BEGIN
/// IMMEDIATE) for 5 s while a whole call (a message left, then a hang-up mid-message) runs on a
/// line. Every capture period is read without a stall, none is lost, and the call's rows reach
/// the store once the lock is let go.
@Suite("A busy store never stalls a line", .serialized)
struct BusyStoreTests {
    /// Times each capture read (wall clock) on the line thread.
    final class TimedSource: AudioSource, @unchecked Sendable {
        let base: any AudioSource
        var reads: [Date] = []
        var frames = 0
        var name: String { base.name }
        var periodFrames: Int { base.periodFrames }
        var clock: SampleClock { base.clock }
        init(_ base: any AudioSource) { self.base = base }
        func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
            let count = try base.read(into: buffer)
            reads.append(Date())
            frames += count
            return count
        }
        func close() { base.close() }
    }

    final class Stamp: @unchecked Sendable { var released: Date? }

    @Test func aWriteLockHeldFiveSecondsDelaysNoPeriod() throws {
        let harness = try LineHarness()
        let script = try KeyScript("w1 1 w5 1 w10 talk3 hangup")
        let capture = DriverAgreementTests.capture(script, keyGap: 0.3)
        let locker = try DatabaseQueue(path: harness.store.directory.databaseURL.path)
        let held = DispatchSemaphore(value: 0)
        let stamp = Stamp()
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? locker.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                Thread.sleep(forTimeInterval: 5)
                stamp.released = Date()
                try db.execute(sql: "COMMIT")
            }
            done.signal()
        }.start()
        held.wait()
        defer { done.wait() }

        let (play, cap, playbackPath) = try harness.devices(capture: capture)
        let configuration = LineConfiguration(periodFrames: 160, periodsPerBuffer: 4)
        let sink = try ALSAPlayback(device: play, configuration: configuration)
        let control = LineControl()
        let source = TimedSource(ScriptedSource(try ALSACapture(device: cap, configuration: configuration), after: capture.count,
                                                .hangUp(control)))
        let call = LiveCall(program: harness.program, sounds: harness.sounds, records: CallRecords(store: harness.store),
                            options: LiveCallOptions(callerID: "+441632960123", start: LineHarness.openTime), control: control)
        let result = LiveLine.run(call, source: source, sink: sink, control: control)
        let returned = Date()

        // The call itself: a message kept when the caller hung up mid-message.
        #expect(result.outcome?.result == .voicemail, "\(result.transcript.text)")
        #expect(result.problems.isEmpty, "\(result.problems)")
        // No period lost: every captured frame was answered with a frame of playback.
        #expect(source.frames == result.frames)
        #expect(result.frames >= capture.count && result.frames <= capture.count + 160)
        let played = try RawFile.read(playbackPath).count
        #expect(abs(played - (result.frames + call.options.primingFrames)) <= 160,
                "played \(played) frames for \(result.frames) captured + \(call.options.primingFrames) priming (the file plugin writes whole periods)")
        // No period late: the line never waited on the store (a stalled write would show the lock's 5 s).
        let gaps = zip(source.reads.dropFirst(), source.reads).map { $0.timeIntervalSince($1) }
        #expect((gaps.max() ?? 0) < 1, "longest pause between periods: \(gaps.max() ?? 0) s")
        // The audio was over while the lock was held; the rows were written after it was let go.
        let released = try #require(stamp.released)
        #expect(try #require(source.reads.last) < released, "the call's audio should end while the store is locked")
        #expect(returned >= released)
        #expect(try harness.store.voicemails().count == 1)
        #expect(try harness.store.callRecords().count == 1)
        #expect(RealTimeThread.violations == 0, "no store call may run on a line's audio thread (stack on stderr)")
    }
}
