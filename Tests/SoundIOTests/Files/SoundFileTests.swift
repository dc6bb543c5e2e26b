import Foundation
import Testing
@testable import SoundIO

@Suite("Reading sound files into engine audio")
struct SoundFileTests {
    let dir = TemporaryDirectory()

    @Test func engineFormatRoundTripIsExact() throws {
        let samples: [Int16] = (0..<8000).map { Int16(truncatingIfNeeded: ($0 * 7919) % 65536 - 32768) }
        let path = dir.path("exact.wav")
        try WAVWriter.write(samples: samples, to: path)
        #expect(try SoundFile.read(path) == samples)
        let info = try SoundFile.info(path)
        #expect(info.isEngineFormat)
        #expect(info.frames == 8000)
        #expect(info.duration == 1.0)
        #expect(info.container.hasPrefix("WAV"))
        #expect(info.encoding == "Signed 16 bit PCM")
    }

    @Test func stereoFLACAt44100IsDownmixedAndResampled() throws {
        let path = dir.path("tone.flac")
        let tone = Signals.sine(1000, amplitude: 0.5, seconds: 1.5, rate: 44100)
        try SoundFile.write(interleaved: Signals.interleave(tone, tone), channels: 2, sampleRate: 44100,
                            format: .flac, to: path)
        let info = try SoundFile.info(path)
        #expect(info.channels == 2 && info.sampleRate == 44100 && info.container.hasPrefix("FLAC"))
        let engine = try SoundFile.read(path)
        #expect(abs(engine.count - 12000) <= 1)
        let floats = SampleConversion.floats(from: engine)
        // A 0.5 sine is -9.03 dBFS RMS; 1 kHz over 1.5 s is 1500 cycles.
        #expect(abs(Signals.rmsDBFS(Array(floats[800..<11200])) - -9.03) < 0.1)
        #expect(abs(Signals.upwardCrossings(floats) - 1500) <= 2)
    }

    @Test func oppositeChannelsCancelWhenDownmixed() throws {
        let path = dir.path("opposite.wav")
        let left = Signals.sine(440, seconds: 0.5, rate: 8000)
        try SoundFile.write(interleaved: Signals.interleave(left, left.map { -$0 }), channels: 2,
                            sampleRate: 8000, format: .wavPCM16, to: path)
        let mono = try SoundFile.read(path)
        #expect(mono.count == 4000)
        #expect(mono.allSatisfy { abs(Int($0)) <= 1 })
    }

    @Test func toneAboveEngineNyquistIsRemovedNotAliased() throws {
        // 6 kHz at 48 kHz cannot exist at 8 kHz; naive interpolation would fold it to 2 kHz.
        let path = dir.path("high.wav")
        try SoundFile.write(interleaved: Signals.sine(6000, amplitude: 0.5, seconds: 1, rate: 48000),
                            sampleRate: 48000, format: .wavPCM16, to: path)
        let engine = SampleConversion.floats(from: try SoundFile.read(path))
        #expect(Signals.rmsDBFS(Array(engine[400..<7600])) < -70)
    }

    @Test func oggVorbisAndAIFFAreRead() throws {
        let tone = Signals.sine(800, amplitude: 0.3, seconds: 1, rate: 16000)
        for format in [SoundFileFormat.oggVorbis, .aiffPCM16, .auULaw] {
            let path = dir.path("tone.\(format.rawValue)")
            try SoundFile.write(interleaved: tone, sampleRate: 16000, format: format, to: path)
            let engine = SampleConversion.floats(from: try SoundFile.read(path))
            #expect(abs(engine.count - 8000) <= 1, "\(format)")
            #expect(abs(Signals.rmsDBFS(Array(engine[400..<7600])) - -13.5) < 0.5, "\(format)")
        }
    }

    @Test func rawPCMNeedsAndUsesAnExplicitFormat() throws {
        let samples: [Int16] = [0, 1000, -1000, 32767, -32768, 5]
        let path = dir.path("line.raw")
        let bytes = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try SoundFile.read(path, raw: RawFormat()) == samples)
        #expect(throws: SoundFileError.self) { try SoundFile.read(path) }
    }

    @Test func readsAtAnotherRateOnRequest() throws {
        let path = dir.path("eight.wav")
        try WAVWriter.write(samples: [Int16](repeating: 1000, count: 8000), to: path)
        let wide = try SoundFile.read(path, sampleRate: 16000)
        #expect(abs(wide.count - 16000) <= 1)
    }

    @Test func levelsOfAFullScaleSine() throws {
        let path = dir.path("loud.wav")
        try SoundFile.write(interleaved: Signals.sine(1000, amplitude: 1, seconds: 1, rate: 8000).map { $0 * 0.999 },
                            sampleRate: 8000, format: .wavPCM16, to: path)
        let levels = try SoundFile.levels(path)
        #expect(abs(levels.peakDBFS - 0) < 0.05)
        #expect(abs(levels.rmsDBFS - -3.02) < 0.05)
        let silent = dir.path("silent.wav")
        try WAVWriter.write(samples: [Int16](repeating: 0, count: 100), to: silent)
        #expect(try SoundFile.levels(silent).rmsDBFS == -.infinity)
    }
}
