import Testing
@testable import SoundIO

@Suite("Raw format descriptions")
struct RawFormatTests {
    @Test func parsesEncodingRateAndChannels() throws {
        #expect(try RawFormat.parse("s16le").get() == RawFormat())
        #expect(try RawFormat.parse("ulaw,16000").get() == RawFormat(sampleRate: 16000, encoding: .ulaw))
        #expect(try RawFormat.parse("F32LE,48000,2").get()
                    == RawFormat(sampleRate: 48000, channels: 2, encoding: .float32))
    }

    @Test func rejectsNonsenseWithTheReason() {
        for (text, reason) in [("s17le", "unknown encoding"), ("s16le,fast", "rate 'fast'"),
                               ("s16le,8000,0", "channels '0'"), ("s16le,8000,1,x", "too many")] {
            guard case .failure(let error) = RawFormat.parse(text) else {
                Issue.record("\(text) parsed")
                continue
            }
            #expect(error.description.contains(reason), "\(error)")
        }
    }
}
