import Foundation
import Testing
@testable import SoundIO

/// ALSA for real, through alsa-lib's `file` plugin over `null` (there is no sound card here).
@Suite("ALSA lines through the file plugin")
struct ALSALineTests {
    let dir = TemporaryDirectory("alsa")

    @Test func playbackLandsInTheFileWithExplicitPeriods() throws {
        let out = dir.path("played.raw")
        let sink = try ALSAPlayback(device: .rawFiles(playback: out))
        #expect(sink.granted == (160, 640))
        let audio = RawAudio.pattern(8000)
        for start in stride(from: 0, to: audio.count, by: 160) {
            try sink.write(Array(audio[start..<start + 160]))
        }
        try sink.drain()
        #expect(sink.clock.frames == 8000)
        #expect(sink.clock.seconds == 1)
        sink.close()
        #expect(try RawAudio.read(out) == audio)
    }

    @Test func captureReadsTheFileAtMostOnePeriodAtATime() throws {
        let input = dir.path("caller.raw")
        let audio = RawAudio.pattern(24000)
        try RawAudio.write(audio, to: input)
        let source = try ALSACapture(device: .rawFiles(capture: input))
        var heard: [Int16] = []
        var buffer = [Int16](repeating: 0, count: 1000)
        while heard.count < 12000 {
            let got = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            #expect(got > 0 && got <= 160)
            heard += buffer[0..<got]
        }
        source.close()
        #expect(heard == Array(audio.prefix(heard.count)))
        #expect(source.clock.frames == heard.count)
    }

    @Test func droppingPendingAudioLeavesTheLineUsable() throws {
        let out = dir.path("dropped.raw")
        let sink = try ALSAPlayback(device: .rawFiles(playback: out))
        try sink.write(RawAudio.pattern(640))
        sink.dropPending()
        try sink.write(RawAudio.pattern(320, offset: 1000))
        try sink.drain()
        sink.close()
        // null consumes at once, so nothing was pending to lose; what matters is that writing goes on.
        #expect(try RawAudio.read(out) == RawAudio.pattern(640) + RawAudio.pattern(320, offset: 1000))
        #expect(sink.clock.frames == 960)
    }

    @Test func configurablePeriodAndBuffer() throws {
        let config = LineConfiguration(periodFrames: 80, periodsPerBuffer: 3)
        let sink = try ALSAPlayback(device: .rawFiles(playback: dir.path("p.raw")), configuration: config)
        #expect(sink.granted == (80, 240))
        #expect(sink.periodFrames == 80)
        sink.close()
    }

    @Test func unknownPCMIsMissingAndNamed() {
        do {
            _ = try ALSAPlayback(device: .named("no-such-headset"))
            Issue.record("opened a PCM that does not exist")
        } catch {
            #expect(error.kind == .missing)
            #expect(error.pcm == "no-such-headset")
            #expect(error.description.contains("ALSA PCM 'no-such-headset': cannot open for playback"))
            #expect(error.description.contains("Unknown PCM no-such-headset"))
        }
    }

    @Test func absentCardIsMissing() {
        let device = ALSADevice.defined("card7", in: "pcm.card7 { type hw card 7 device 0 }\n")
        do {
            _ = try ALSACapture(device: device)
            Issue.record("opened a card that does not exist")
        } catch {
            #expect(error.kind == .missing)
            #expect(error.description.contains("cannot open for capture"))
        }
    }

    @Test func brokenConfigurationTextIsReported() {
        do {
            _ = try ALSACapture(device: .defined("x", in: "pcm.x { type file slave.pcm { \n"))
            Issue.record("parsed a broken configuration")
        } catch {
            #expect(error.kind == .badConfiguration)
            #expect(error.description.hasPrefix("ALSA PCM 'x': cannot load its configuration"))
        }
    }

    @Test func unwritableFilePluginTargetFails() {
        do {
            let sink = try ALSAPlayback(device: .rawFiles(playback: dir.path("no/such/dir/out.raw")))
            try sink.write([Int16](repeating: 0, count: 800))
            try sink.drain()
            Issue.record("played into a missing folder")
        } catch {
            // The file plugin opens its file on first write; ALSA reports that as an I/O error.
            #expect(error.pcm == "line")
            #expect(error.kind == .unplugged)
            #expect(error.description.contains("cannot write: Input/output error"))
        }
    }

    @Test func diskFullMidStreamIsReportedWithALSAsDetail() {
        let device = ALSADevice.defined("full", in: "pcm.full { type file slave.pcm { type null } file \"/dev/full\" format \"raw\" }\n")
        do {
            let sink = try ALSAPlayback(device: device)
            for _ in 0..<50 { try sink.write(RawAudio.pattern(160)) }
            try sink.drain()
            Issue.record("wrote to /dev/full without an error")
        } catch {
            #expect(error.description.hasPrefix("ALSA PCM 'full': cannot write: Input/output error"))
            #expect(error.description.contains("No space left on device"))
        }
    }

    @Test func busyErrorsSayWhatToDo() {
        // No sound card exists here, so no PCM can really be busy; check the mapping and the advice.
        let error = AudioLineError(kind: ALSAErrorDetail.kind(-EBUSY), pcm: "hw:1,0", operation: "open for capture",
                                   alsa: ALSAErrorDetail.message(-EBUSY, detail: nil), code: -EBUSY)
        #expect(error.kind == .busy)
        #expect(error.description == "ALSA PCM 'hw:1,0': cannot open for capture: Device or resource busy; "
                    + "another program is using the device; close it (see `fuser -v /dev/snd/*`) or use a dmix/dsnoop PCM")
        #expect(ALSAErrorDetail.kind(-ENODEV) == .unplugged)
    }

    @Test func xrunIsRecoveredAndLogged() throws {
        let log = LogRecord()
        let pcm = try ALSAPCM(device: .rawFiles(playback: dir.path("x.raw")), capture: false,
                              configuration: LineConfiguration(logger: log.logger))
        try pcm.withHandle("write") { (handle) throws(AudioLineError) in
            try pcm.recover(handle, from: -EPIPE, during: "write")
        }
        #expect(log.messages == ["warning ALSA playback underrun on 'line' during write; recovered"])
        pcm.close()
        #expect(throws: AudioLineError.self) { try pcm.withHandle("write") { _ in } }
    }
}
