import Testing
@testable import Telephony

/// The benchmarks' shared timing loop (`AudioThroughput`) and the echo benchmark's signal. Speed
/// itself is measured by `ivr bench`, never asserted here.
@Suite struct AudioThroughputTests {
    @Test func coversAtLeastTheAskedSecondsInWholePasses() {
        #expect(AudioThroughput.passes(seconds: 25, samplesPerPass: 80_000) == 3)   // 10 s per pass
        #expect(AudioThroughput.passes(seconds: 30, samplesPerPass: 80_000) == 3)
        #expect(AudioThroughput.passes(seconds: 0.001, samplesPerPass: 80_000) == 1)
        var seen: [Int] = []
        let result = AudioThroughput.measure(seconds: 0.25, samplesPerPass: 800) { seen.append($0) }
        #expect(seen == [0, 1, 2])
        #expect(result.audioSeconds == 0.3)
    }

    @Test func echoBenchmarkCapturesTheDelayedHalvedPromptOrTheCallerAlone() {
        let playing = EchoBenchmark.signal(silent: false)
        #expect(playing.played.count == 80_000 && playing.captured.count == 80_000)
        #expect(playing.captured[1040] == playing.played[1000] / 2)
        #expect(playing.captured[..<40].allSatisfy { $0 == 0 })
        let silent = EchoBenchmark.signal(silent: true)
        #expect(silent.played.allSatisfy { $0 == 0 })
        #expect(silent.captured[1000] == playing.played[1000] / 8)
    }

    @Test func benchmarksReportTheAudioTheyProcessed() {
        let dtmf = DTMFBenchmark.run(seconds: 10)
        #expect(dtmf.audioSeconds == 10)
        #expect(dtmf.keysPerPass == 72)
        let echo = EchoBenchmark.run(seconds: 1, silent: true)
        #expect(echo.audioSeconds == 10)
    }
}
