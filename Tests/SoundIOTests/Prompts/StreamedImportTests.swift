import Foundation
import Telephony
import Testing
@testable import SoundIO

/// `importFile` levels a take from disk in blocks; the prompt it writes is the one the
/// in-memory `PromptLevelling.apply` makes, sample for sample.
struct StreamedImportTests {
    let dir = TemporaryDirectory("streamed-import")

    /// 2.5 s at 8 kHz, longer than several blocks: silence, a DC offset, two tones and noise.
    func take() -> [Int16] {
        var state: UInt64 = 12345
        return (0..<20_000).map { i -> Int16 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise: Double = Double(Int64(bitPattern: state) >> 52) / 4096 * 40
            let t: Double = Double(i) / 8000
            var sound: Double = 0
            if i >= 5000 && i < 15_000 {
                let low: Double = 3000 * sin(2 * Double.pi * 440 * t)
                let high: Double = 1200 * sin(2 * Double.pi * 1900 * t)
                sound = low + high
            }
            let value: Double = 300 + sound + noise
            return Int16(value)
        }
    }

    @Test func streamedImportMatchesInMemoryLevelling() throws {
        let samples = take()
        let source = dir.path("take.wav")
        try WAVWriter.write(samples: samples, to: source)
        let library = PromptLibrary(folder: dir.url.path)
        let result = try library.importFile(source, as: PromptName("welcome")!)
        let expected = try PromptLevelling().apply(samples, source: source)
        let written = try SoundFile.read(result.installation.path)
        #expect(written.count == expected.samples.count)
        #expect(written == expected.samples)
        #expect(result.take.leadingTrim == expected.leadingTrim)
        #expect(result.take.trailingTrim == expected.trailingTrim)
        #expect(result.take.gainDB == expected.gainDB)
        #expect(result.take.inputLevels == expected.inputLevels)
        #expect(result.take.outputLevels == expected.outputLevels)
        #expect(result.take.duration == expected.duration)
        #expect(result.truncation == nil)
        // No scratch or partial file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func readerReportsWhatATruncatedFileLacks() throws {
        let full = dir.path("full.wav")
        try WAVWriter.write(samples: [Int16](repeating: 1000, count: 4500), to: full)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
        let cut = dir.path("cut.wav")
        try bytes.prefix(1000).write(to: URL(fileURLWithPath: cut))
        let reader = try SoundFileReader(cut)
        #expect(reader.truncation?.promisedFrames == 4500)
        var count = 0
        try reader.forEachBlock { count += $0.count }
        #expect(count == reader.truncation?.heldFrames)
        #expect(try SoundFile.scan(cut).truncation?.promisedFrames == 4500)
        #expect(try SoundFile.scan(full).truncation == nil)
        let whole = try SoundFileReader(full)
        try whole.forEachBlock { _ in }
        #expect(whole.truncation == nil)
        #expect(throws: PromptLibraryError.self) {
            try PromptLibrary(folder: dir.url.path).importFile(cut, as: PromptName("cut")!)
        }
    }
}
