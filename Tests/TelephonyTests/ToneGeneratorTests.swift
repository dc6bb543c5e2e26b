import Testing
@testable import Telephony

@Suite struct ToneGeneratorTests {
    @Test func beepIsOneKilohertzAtItsLevel() {
        let beep = ToneGenerator.render(.voicemailBeep)
        #expect(beep.count == 2000)
        #expect(abs(TestSignals.zeroCrossings(beep) - 500) <= 2)
        #expect(abs(TestSignals.amplitude(of: 1000, in: beep) - Decibels.sinePeak(dBm0: -10)) < 5)
    }

    @Test func ukRingbackFollowsItsCadence() {
        let audio = ToneGenerator.render(.ringbackUK, seconds: 6)
        // 10 ms frames that have sound, as a string of on/off.
        let frames = stride(from: 0, to: audio.count, by: 80).map { start in
            audio[start..<start + 80].contains { $0 != 0 }
        }
        func run(_ from: Int, _ count: Int, _ value: Bool) -> Bool { frames[from..<from + count].allSatisfy { $0 == value } }
        #expect(run(0, 40, true) && run(40, 20, false) && run(60, 40, true) && run(100, 200, false))
        #expect(run(300, 40, true))  // second cycle starts at 3 s
        #expect(abs(TestSignals.amplitude(of: 400, in: Array(audio[0..<3200])) - Decibels.sinePeak(dBm0: -19)) < 5)
        #expect(abs(TestSignals.amplitude(of: 450, in: Array(audio[0..<3200])) - Decibels.sinePeak(dBm0: -19)) < 5)
    }

    @Test func chunkedGenerationEqualsWholeAndStopsWhenFinished() {
        let whole = ToneGenerator.render(.busyUS, seconds: 2.3)
        var generator = ToneGenerator(pattern: .busyUS)
        var pieces: [Int16] = []
        for size in [1, 79, 800, 3001, 14_519] { pieces += generator.generate(count: size) }
        #expect(pieces == whole)

        var beep = ToneGenerator(pattern: .voicemailBeep)
        _ = beep.generate(count: 2000)
        #expect(beep.isFinished)
        #expect(beep.generate(count: 10) == [Int16](repeating: 0, count: 10))
    }
}
