import Foundation
import Testing
@testable import SoundIO

/// Boxes values a line thread hands back to the test.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int16] = []
    private var periodSizes: [Int] = []
    private var ended: [AudioLineError?] = []

    func add(_ samples: [Int16]) { lock.withLock { items += samples; periodSizes.append(samples.count) } }
    func end(_ error: AudioLineError?) { lock.withLock { ended.append(error) } }
    var samples: [Int16] { lock.withLock { items } }
    var sizes: [Int] { lock.withLock { periodSizes } }
    var ends: [AudioLineError?] { lock.withLock { ended } }
}

@Suite("Dedicated capture and playback threads")
struct LineThreadTests {
    let dir = TemporaryDirectory("threads")

    @Test func captureThreadDeliversPeriodsUntilTheHandlerSaysStop() throws {
        let input = dir.path("in.raw")
        let audio = RawAudio.pattern(40000)
        try RawAudio.write(audio, to: input)
        let collected = Collected()
        let source = try ALSACapture(device: .rawFiles(capture: input))
        let thread = CaptureThread(source: source, onAudio: { samples, clock in
            collected.add(samples)
            return clock.frames < 8000
        }, onEnd: { collected.end($0) })
        thread.wait()
        let heard = collected.samples
        #expect(heard.count == 8000)
        let same = heard == Array(audio.prefix(8000))
        #expect(same)
        #expect(collected.sizes.allSatisfy { $0 == 160 })
        #expect(collected.ends.count == 1 && collected.ends[0] == nil)
        #expect(source.clock.frames == 8000)
    }

    @Test func stopFromAnotherThreadEndsTheCapture() throws {
        let input = dir.path("long.raw")
        let audio = RawAudio.pattern(80000)
        try RawAudio.write(audio, to: input)
        let collected = Collected()
        let thread = CaptureThread(source: try ALSACapture(device: .rawFiles(capture: input)),
                                   onAudio: { samples, _ in collected.add(samples); return true },
                                   onEnd: { collected.end($0) })
        while collected.samples.count < 1600 { usleep(500) }
        thread.stop()
        thread.wait()
        #expect(thread.isFinished)
        #expect(collected.ends.count == 1 && collected.ends[0] == nil)
        let heard = collected.samples
        let checked = min(heard.count, audio.count)
        let same = heard.prefix(checked) == audio.prefix(checked)
        #expect(same)
    }

    @Test func captureThreadEndsWithAFileSource() throws {
        let collected = Collected()
        let thread = CaptureThread(source: FileAudioSource(samples: RawAudio.pattern(1000)),
                                   onAudio: { samples, _ in collected.add(samples); return true },
                                   onEnd: { collected.end($0) })
        thread.wait()
        #expect(collected.samples == RawAudio.pattern(1000))
        #expect(collected.sizes == [160, 160, 160, 160, 160, 160, 40])
        #expect(thread.isFinished)
    }

    @Test func playbackThreadPullsPeriodsIntoALSA() throws {
        let out = dir.path("out.raw")
        let sink = try ALSAPlayback(device: .rawFiles(playback: out))
        let audio = RawAudio.pattern(4000)
        let collected = Collected()
        let thread = PlaybackThread(sink: sink, fill: { buffer, clock in
            let start = clock.frames
            for index in 0..<buffer.count where start + index < audio.count {
                buffer[index] = audio[start + index]
            }
            return start + buffer.count < audio.count
        }, onEnd: { collected.end($0) })
        thread.wait()
        #expect(collected.ends.count == 1 && collected.ends[0] == nil)
        // 4000 frames is 25 periods exactly: no padding.
        #expect(try RawAudio.read(out) == audio)
        #expect(sink.clock.frames == 4000)
    }

    @Test func periodsStreamEndsWithTheSource() async throws {
        var heard: [Int16] = []
        for try await period in CaptureThread.periods(from: FileAudioSource(samples: RawAudio.pattern(2000))) {
            heard += period
        }
        #expect(heard == RawAudio.pattern(2000))
    }

    @Test func fileSinkKeepsAndWritesWhatIsPlayed() throws {
        let path = dir.path("kept.wav")
        let sink = try FileAudioSink(path: path)
        try sink.write(RawAudio.pattern(500))
        #expect(sink.samples == RawAudio.pattern(500))
        sink.close()
        #expect(try SoundFile.read(path) == RawAudio.pattern(500))
        #expect(throws: AudioLineError.self) { try sink.write([1]) }
    }
}
