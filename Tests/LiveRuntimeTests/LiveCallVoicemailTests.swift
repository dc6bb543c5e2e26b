import CallFlow
import Foundation
import SoundIO
import Storage
import Testing
@testable import LiveRuntime

/// The voicemail row is written when recording starts (status recording, lock held) and completed
/// or dropped when it ends; meanwhile another store on the same directory leaves it alone.
@Suite(.serialized) struct LiveCallVoicemailTests {
    /// What the store looked like from outside while the caller was talking.
    final class Snapshot: @unchecked Sendable {
        var rows: [VoicemailRecord] = []
        var lockHeld = false
        var recovery: VoicemailRecovery?
        var checkClean = false
        var fileFrames = 0
    }

    /// Wraps a source: once `frames` have been captured, looks at the store as another process would.
    final class ProbeSource: AudioSource, @unchecked Sendable {
        let base: any AudioSource
        let frames: Int
        let probe: () -> Void
        var done = false
        var name: String { base.name }
        var periodFrames: Int { base.periodFrames }
        var clock: SampleClock { base.clock }

        init(_ base: any AudioSource, after frames: Int, probe: @escaping () -> Void) {
            self.base = base
            self.frames = frames
            self.probe = probe
        }

        func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
            if !done && base.clock.frames >= frames {
                done = true
                // The test looks at the store from another thread: the line's own thread never
                // touches SQLite (the store asserts it), and the row is written by the store writer.
                // Off the line thread for real (`sync` would run the block on this thread).
                let box = ProbeBox(run: probe)
                let thread = Thread { box.run() }
                thread.start()
                while !thread.isFinished { usleep(1_000) }
            }
            return try base.read(into: buffer)
        }

        func close() { base.close() }
    }

    static func look(at harness: LineHarness, into snapshot: Snapshot) {
        guard let other = try? Store(directory: harness.store.directory) else { return }
        let deadline = Date().addingTimeInterval(5)
        repeat { snapshot.rows = (try? other.voicemails()) ?? [] } while snapshot.rows.isEmpty && Date() < deadline
        if let row = snapshot.rows.first {
            snapshot.lockHeld = VoicemailRecordingLock.isHeld(for: row.file, in: other.directory)
            let size = (try? FileManager.default.attributesOfItem(atPath: other.recordingURL(of: row).path)[.size] as? Int) ?? 0
            snapshot.fileFrames = (size - 44) / 2
        }
        snapshot.recovery = try? other.recoverInterruptedVoicemails()
        snapshot.checkClean = (try? other.checkVoicemails().isClean) ?? false
    }

    @Test func theRowExistsDuringRecordingAndIsCompletedAtTheEnd() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hello, this is Sam about my parcel, which has not arrived; please call me back.",
                                    in: harness.dir)
        let script = WholeCallTests.script(harness, speech: speech)
        let snapshot = Snapshot()
        let (result, _) = try harness.run(capture: script.samples) {
            ProbeSource($0, after: script.speech[0].start + 16_000) { Self.look(at: harness, into: snapshot) }
        }
        #expect(result.outcome?.result == .voicemail)
        let during = try #require(snapshot.rows.first)
        #expect(snapshot.rows.count == 1)
        #expect(during.status == .recording)
        #expect(during.caller == "+441632960123")
        #expect(during.topic == "orders-and-delivery")
        #expect(during.mailbox == "general")
        #expect(during.step == "leave-message")
        #expect(during.duration == 0)
        #expect(snapshot.fileFrames > 16_000, "audio was reaching the file")
        #expect(snapshot.lockHeld)
        #expect(snapshot.recovery?.isEmpty == true, "a live recording is not taken for an interrupted one")
        #expect(snapshot.checkClean)

        let after = try #require(try harness.store.voicemails().first)
        #expect(after.id == during.id)
        #expect(after.status == .new)
        #expect(!after.interrupted)
        let message = try SoundFile.read(harness.store.recordingURL(of: after).path)
        #expect(abs(Double(message.count) / 8000 - after.duration) < 0.01)
        #expect(!VoicemailRecordingLock.isHeld(for: after.file, in: harness.store.directory))
        #expect(!FileManager.default.fileExists(atPath: VoicemailRecordingLock.url(of: after.file, in: harness.store.directory).path))
    }

    @Test func aTooShortMessageDropsRowAndFile() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hello?", in: harness.dir)
        let script = WholeCallTests.script(harness, speech: speech)
        let snapshot = Snapshot()
        let (result, _) = try harness.run(capture: script.samples) {
            ProbeSource($0, after: script.speech[0].start) { Self.look(at: harness, into: snapshot) }
        }
        #expect(snapshot.rows.first?.status == .recording)
        #expect(result.transcript.events("voicemail").first?.value?.hasPrefix("dropped") == true)
        #expect(try harness.store.voicemails().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.store.directory.voicemailURL.path).isEmpty)
    }
}

/// Carries a test probe to the thread that runs it (the probe only reads the store and a file).
private struct ProbeBox: @unchecked Sendable {
    let run: () -> Void
}
