import Testing
@testable import Telephony

@Suite struct SilenceDetectorTests {
    let talk = ToneGenerator.render(.steady([300, 700], levelDBm0: -20, duration: 1))
    let quiet = [Int16](repeating: 3, count: 8000)

    @Test func reportsSilenceOnlyAfterHangover() {
        var detector = SilenceDetector(thresholdDBFS: -50, hangover: 0.5)
        detector.process(talk)
        #expect(detector.state == .sound)
        detector.process(Array(quiet[0..<3200]))  // 0.4 s: still within the hangover
        #expect(detector.state == .sound)
        #expect(detector.quietSamples == 3200)
        detector.process(Array(quiet[0..<800]))  // 0.5 s in all
        #expect(detector.state == .silence(sinceSample: 8000))
        #expect(abs(detector.quietSeconds - 0.5) < 1e-9)
    }

    @Test func soundResetsTheQuietRun() {
        var detector = SilenceDetector(thresholdDBFS: -50, hangover: 0.2)
        detector.process(quiet)
        #expect(detector.isSilent)
        detector.process(Array(talk[0..<160]))
        #expect(!detector.isSilent)
        #expect(detector.quietSamples == 0)
    }

    @Test func thresholdSeparatesLevels() {
        // A -40 dBm0 tone is about -46 dBFS RMS: quiet at -40 dBFS, sound at -50 dBFS.
        let soft = ToneGenerator.render(.steady([1000], levelDBm0: -40, duration: 1))
        var strict = SilenceDetector(thresholdDBFS: -40, hangover: 0.1)
        var lenient = SilenceDetector(thresholdDBFS: -50, hangover: 0.1)
        strict.process(soft)
        lenient.process(soft)
        #expect(strict.isSilent)
        #expect(!lenient.isSilent)
    }

    @Test func oddChunkSizesGiveTheSameResult() {
        var whole = SilenceDetector(thresholdDBFS: -45, hangover: 0.3)
        var pieces = SilenceDetector(thresholdDBFS: -45, hangover: 0.3)
        let audio = talk + quiet + talk + Array(quiet[0..<4000])
        whole.process(audio)
        var index = 0
        var size = 1
        while index < audio.count {
            let end = min(audio.count, index + size)
            pieces.process(Array(audio[index..<end]))
            index = end
            size = size * 3 % 997 + 1
        }
        #expect(whole.state == pieces.state)
        #expect(whole.quietSamples == pieces.quietSamples)
        #expect(whole.state == .silence(sinceSample: 24000))
    }
}
