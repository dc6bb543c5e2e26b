import Testing
@testable import Telephony

/// One test per ITU-T Q.24 accept/reject boundary (issue 2), each over all 16 keys.
@Suite struct DTMFConformanceTests {
    static let keys = "123A456B789C*0#D"

    /// 40 ms tones, 40 ms pauses: the shortest Q.24 presses, with an odd lead-in.
    static func q24(_ configure: (inout DTMFGenerator.Options) -> Void = { _ in }) -> DTMFGenerator.Options {
        var options = DTMFGenerator.Options(toneDuration: 0.040, gapDuration: 0.040, levelDBm0: -10)
        configure(&options)
        return options
    }

    @Test func accepts40MillisecondTonesWith40MillisecondPauses() {
        #expect(heard(dtmf(Self.keys, Self.q24(), leadIn: 77)) == Self.keys)
    }

    @Test func acceptsRepeatedKeys() {
        #expect(heard(dtmf("1122", Self.q24(), leadIn: 13)) == "1122")
        #expect(heard(dtmf("##**DD00", Self.q24(), leadIn: 29)) == "##**DD00")
    }

    @Test func rejects20MillisecondTones() {
        let options = Self.q24 { $0.toneDuration = 0.020 }
        for lead in [0, 7, 19, 33] {
            #expect(heard(dtmf(Self.keys, options, leadIn: lead)) == "", "lead-in \(lead)")
        }
    }

    @Test(arguments: [(0.015, 0.0), (-0.015, 0.0), (0.0, 0.015), (0.0, -0.015),
                      (0.015, 0.015), (-0.015, -0.015), (0.015, -0.015), (-0.015, 0.015)])
    func acceptsOnePointFivePercentError(low: Double, high: Double) {
        let options = Self.q24 {
            $0.lowFrequencyError = low
            $0.highFrequencyError = high
        }
        #expect(heard(dtmf(Self.keys, options, leadIn: 51)) == Self.keys)
    }

    @Test(arguments: [(0.035, 0.0), (-0.035, 0.0), (0.0, 0.035), (0.0, -0.035),
                      (0.035, 0.035), (-0.035, -0.035), (0.035, -0.035), (-0.035, 0.035)])
    func rejectsThreePointFivePercentError(low: Double, high: Double) {
        let options = Self.q24 {
            $0.toneDuration = 0.1
            $0.lowFrequencyError = low
            $0.highFrequencyError = high
        }
        #expect(heard(dtmf(Self.keys, options, leadIn: 51)) == "")
    }

    @Test(arguments: [-3.0, -10.0, -20.0, -26.0])
    func acceptsLevels(levelDBm0: Double) {
        #expect(heard(dtmf(Self.keys, Self.q24 { $0.levelDBm0 = levelDBm0 }, leadIn: 5)) == Self.keys)
    }

    @Test(arguments: [4.0, -8.0])
    func acceptsTwist(twistDB: Double) {
        // Twist at a mid level and with the weaker tone at the -26 dBm0 floor.
        let mid = Self.q24 { $0.levelDBm0 = -16; $0.twistDB = twistDB }
        let floor = Self.q24 { $0.levelDBm0 = twistDB > 0 ? -26 : -18; $0.twistDB = twistDB }
        #expect(heard(dtmf(Self.keys, mid, leadIn: 91)) == Self.keys)
        #expect(heard(dtmf(Self.keys, floor, leadIn: 91)) == Self.keys)
    }

    @Test(arguments: [20.0, 10.0])
    func acceptsWhiteNoise(snrDB: Double) {
        let clean = dtmf(Self.keys, Self.q24 { $0.levelDBm0 = -16 }, leadIn: 400)
        let signalPower = 2 * Decibels.sinePower(dBm0: -16)
        for seed in UInt64(1)...3 {
            let noisy = TestSignals.addingNoise(clean, snrDB: snrDB, signalPower: signalPower, seed: seed)
            #expect(heard(noisy) == Self.keys, "SNR \(snrDB) dB, seed \(seed)")
        }
    }

    @Test(arguments: G711Law.allCases)
    func acceptsG711CodedAudio(law: G711Law) {
        for level in [-3.0, -26.0] {
            let audio = law.transcode(dtmf(Self.keys, Self.q24 { $0.levelDBm0 = level }, leadIn: 3))
            #expect(heard(audio) == Self.keys, "\(law) at \(level) dBm0")
        }
    }

    @Test func rejectsSingleTones() {
        for frequency in DTMFKey.lowFrequencies + DTMFKey.highFrequencies {
            let tone = ToneGenerator.render(.steady([frequency], levelDBm0: -6, duration: 0.5))
            #expect(heard(tone) == "", "\(frequency) Hz")
        }
    }

    @Test func reportsEachPressOnceDespiteDips() {
        // 120 ms presses with a 10 ms drop-out and a 5 ms drop-out each: still one key per press.
        var audio: [Int16] = []
        for key in try! DTMFKey.parse(Self.keys) {
            var tone = DTMFGenerator(options: .init(toneDuration: 0.12)).tone(key)
            for index in 240..<320 { tone[index] = 0 }
            for index in 640..<680 { tone[index] = 0 }
            audio += tone + [Int16](repeating: 0, count: 400)
        }
        #expect(heard(audio) == Self.keys)
    }
}
