import Foundation
import SoundIO
import Telephony
import Testing
@testable import LiveRuntime

/// The line's pacing on simulated devices: a capture backlog is caught up at once (every
/// captured frame handed to the call, as much playback skipped) and reported once.
struct LinePacingTests {
    /// A capture from memory that reports `backlog` frames waiting once `stallAt` frames were read,
    /// draining as they are read (what a stalled reader finds in the device).
    final class BackloggedSource: PacedCapture, @unchecked Sendable {
        let samples: [Int16]
        let stallAt: Int
        let backlog: Int
        let periodFrames = 160
        let clock = SampleClock()
        var name: String { "memory" }
        var recoveries = 0
        private(set) var started = false

        init(_ samples: [Int16], stallAt: Int, backlog: Int) {
            self.samples = samples
            self.stallAt = stallAt
            self.backlog = backlog
        }

        func start() throws(AudioLineError) { started = true }
        func waitingFrames() -> Int {
            let read = clock.frames
            guard read >= stallAt else { return 0 }
            return max(0, stallAt + backlog - read)
        }
        func setRecoveryLogging(_ on: Bool) {}
        func readNow(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int { try read(into: buffer) }
        func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
            let start = clock.frames
            let count = min(periodFrames, buffer.count, samples.count - start)
            for index in 0..<max(0, count) { buffer[index] = samples[start + index] }
            clock.advance(by: max(0, count))
            return max(0, count)
        }
        func close() {}
    }

    /// A playback into memory that reports one underrun after `underrunAt` frames were written.
    final class MemorySink: PacedPlayback, @unchecked Sendable {
        let periodFrames = 160
        let clock = SampleClock()
        let underrunAt: Int?
        var name: String { "memory" }
        var written: [Int16] = []
        var recoveries = 0

        init(underrunAt: Int? = nil) { self.underrunAt = underrunAt }

        func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError) {
            written += samples
            clock.advance(by: samples.count)
            if let underrunAt, recoveries == 0, written.count >= underrunAt { recoveries = 1 }
        }
        func drain() throws(AudioLineError) {}
        func pendingFrames() -> Int { 0 }
        func setRecoveryLogging(_ on: Bool) {}
        func close() {}
    }

    @Test func aBacklogMidMessageIsCaughtUpKeepingEveryCapturedFrameAndReportedOnce() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hello, this is Sam. My parcel has not arrived yet, please call me back.", in: harness.dir)
        let script = WholeCallTests.script(harness, speech: speech)
        let speechStart = try #require(script.speech.first).start
        let backlog = 8000                               // one second the reader was away
        let source = BackloggedSource(script.samples, stallAt: speechStart + 8000, backlog: backlog)
        let sink = MemorySink(underrunAt: speechStart + 8000 + 320)
        let call = LiveCall(program: harness.program, sounds: harness.sounds, records: CallRecords(store: harness.store),
                            options: LiveCallOptions(callerID: "+441632960123", start: LineHarness.openTime))
        let result = LiveLine.loop(call, source: source, sink: sink, control: LineControl())

        #expect(source.started, "the capture is started before the playback is primed")
        #expect(result.outcome?.result == .voicemail)
        let stalls = result.transcript.events("line-stall")
        #expect(stalls.count == 1, "\(stalls.map { $0.value ?? "" })")
        let report = try #require(stalls.first?.value)
        #expect(report.contains("fell 9") || report.contains("fell 1000") || report.contains("caught up"), "\(report)")
        #expect(report.contains("1 playback underrun recovered"), "\(report)")
        #expect(result.transcript.events("line-start").isEmpty, "nothing waited at the start")
        // Every captured frame reached the call (the message is whole) ...
        let row = try #require(try harness.store.voicemails().first)
        let message = try SoundFile.read(harness.store.recordingURL(of: row).path)
        #expect(Locate.find(speech, in: message) != nil)
        #expect(row.duration >= Double(speech.count) / 8000 - 0.6)
        // ... and the playback skipped the backlog (less the period kept in hand), plus one re-priming.
        let skipped = result.frames + 320 + 320 - sink.written.count
        #expect(skipped >= backlog - 2 * 160 && skipped <= backlog, "skipped \(skipped) frames of playback")
    }

    @Test func aHealthyLineNeverCatchesUpOrReports() throws {
        let harness = try LineHarness()
        var script = CaptureScript()
        script.silence(until: 0.8)
        script.key("1")
        script.silence(until: 4)
        let source = BackloggedSource(script.samples, stallAt: .max, backlog: 0)
        let sink = MemorySink()
        let call = LiveCall(program: harness.program, sounds: harness.sounds, records: nil,
                            options: LiveCallOptions(callerID: "+441632960123", start: LineHarness.openTime))
        let result = LiveLine.loop(call, source: source, sink: sink, control: LineControl())
        #expect(result.transcript.events("line-stall").isEmpty)
        #expect(result.transcript.events("digit").count == 1)
        #expect(sink.written.count == result.frames + 320, "playback stays the priming ahead of capture")
    }
}
