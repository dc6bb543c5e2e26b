import Testing
@testable import SoundIO

@Suite("Band-limited resampling through libsamplerate")
struct ResamplerTests {
    @Test func equalRatesReturnTheInput() throws {
        let input: [Int16] = [1, -2, 3]
        #expect(try Resampler.convert(input, from: 8000, to: 8000) == input)
    }

    @Test func upAndDownKeepAToneInTheBand() throws {
        let tone = Signals.sine(1000, amplitude: 0.4, seconds: 1, rate: 8000)
        for quality in [Resampler.Quality.best, .medium, .fastest] {
            let up = try Resampler.convert(tone, from: 8000, to: 44100, quality: quality)
            #expect(abs(up.count - 44100) <= 2)
            let back = try Resampler.convert(up, from: 44100, to: 8000, quality: quality)
            #expect(abs(back.count - 8000) <= 2)
            let error = zip(tone[200..<7800], back[200..<7800]).map { $0 - $1 }
            #expect(Signals.rmsDBFS(error) < -60, "\(quality)")
        }
    }

    @Test func int16ConversionClipsInsteadOfWrapping() {
        #expect(SampleConversion.int16(from: [1.5, -1.5, 0.5, -1]) == [32767, -32768, 16384, -32768])
        #expect(SampleConversion.floats(from: [-32768, 16384]) == [-1, 0.5])
    }
}
