import Foundation
import Testing
@testable import SoundIO

@Suite("WAV files that stay readable while they grow")
struct WAVWriterTests {
    let dir = TemporaryDirectory()

    @Test func headerCountsEveryAppendBeforeClose() throws {
        let path = dir.path("growing.wav")
        let writer = try WAVWriter(path: path)
        for second in 1...3 {
            for _ in 0..<50 { try writer.append([Int16](repeating: Int16(second * 100), count: 160)) }
            let info = try SoundFile.info(path)
            #expect(info.frames == second * 8000)
            #expect(info.isEngineFormat)
        }
        try writer.close()
        #expect(writer.framesWritten == 24000)
    }

    @Test func aSnapshotTakenMidRecordingOpensWithEverything() throws {
        // What a `kill -9` leaves: the bytes the kernel has, with no chance to close the file.
        let path = dir.path("killed.wav")
        let writer = try WAVWriter(path: path)
        let chunk: [Int16] = (0..<160).map { Int16($0 * 50) }
        for _ in 0..<70 { try writer.append(chunk) }
        let snapshot = dir.path("snapshot.wav")
        try FileManager.default.copyItem(atPath: path, toPath: snapshot)
        let recovered = try SoundFile.read(snapshot)
        #expect(recovered.count == 70 * 160)
        #expect(Array(recovered.suffix(160)) == chunk)
        try writer.close()
    }

    @Test func closedWriterRefusesMoreAudio() throws {
        let writer = try WAVWriter(path: dir.path("closed.wav"))
        try writer.append([1, 2, 3])
        try writer.close()
        try writer.close()
        #expect(throws: SoundFileError.self) { try writer.append([4]) }
    }

    @Test func writesAtOtherRates() throws {
        let path = dir.path("wide.wav")
        try WAVWriter.write(samples: [Int16](repeating: 7, count: 16000), to: path, sampleRate: 16000)
        let info = try SoundFile.info(path)
        #expect(info.sampleRate == 16000 && info.duration == 1 && !info.isEngineFormat && info.isWAVPCM16)
    }

    @Test func extensionPicksTheContainer() throws {
        let path = dir.path("keys.flac")
        try SoundFile.write([100, 200, 300], to: path)
        #expect(try SoundFile.info(path).container.hasPrefix("FLAC"))
        #expect(try SoundFile.read(path) == [100, 200, 300])
        #expect(SoundFileFormat(forPath: "a.b/c") == nil)
        #expect(SoundFileFormat(forPath: "x.AIFF") == .aiffPCM16)
    }
}
