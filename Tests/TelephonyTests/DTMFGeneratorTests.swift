import Testing
@testable import Telephony

@Suite struct DTMFGeneratorTests {
    @Test func keysParseAndPrint() throws {
        #expect(try DTMFKey.parse("123A456B789C*0#D").dtmfString == "123A456B789C*0#D")
        #expect(try DTMFKey.parse("abcd") == [.a, .b, .c, .d])
        #expect(throws: DTMFKeyError.notAKey("x", position: 3)) { try DTMFKey.parse("12x") }
        #expect(DTMFKey.five.lowFrequency == 770 && DTMFKey.five.highFrequency == 1336)
        #expect(DTMFKey.d.lowFrequency == 941 && DTMFKey.d.highFrequency == 1633)
    }

    @Test func lengthsFollowTheOptions() throws {
        let generator = DTMFGenerator(options: .init(toneDuration: 0.05, gapDuration: 0.03))
        #expect(try generator.samples(digits: "12#").count == 3 * (400 + 240))
    }

    @Test func levelsAndTwistLandOnTheRightTones() {
        var options = DTMFGenerator.Options(toneDuration: 0.1, levelDBm0: -20, twistDB: -6)
        options.highFrequencyError = 0.015
        let tone = DTMFGenerator(options: options).tone(.nine)
        let low = TestSignals.amplitude(of: 852, in: tone)
        let high = TestSignals.amplitude(of: 1477 * 1.015, in: tone)
        #expect(abs(low / Decibels.sinePeak(dBm0: -20) - 1) < 0.01)
        #expect(abs(high / Decibels.sinePeak(dBm0: -26) - 1) < 0.01)
        #expect(TestSignals.amplitude(of: 1477, in: tone) < high * 0.8)  // it really moved
    }
}

/// `DTMFKey` is the program's one key type: digits, keypad order and characters agree.
@Suite struct DTMFKeyTests {
    @Test func digitsKeypadOrderAndCharactersAgree() throws {
        #expect(DTMFKey.keypadOrder.map(\.character) == Array("0123456789*#ABCD"))
        #expect(Set(DTMFKey.keypadOrder) == Set(DTMFKey.allCases))
        for value in 0...9 {
            let key = try #require(DTMFKey(digit: value))
            #expect(key.digit == value && key.isDigit)
            #expect(DTMFKey(Character(String(value))) == key)
        }
        #expect(DTMFKey(digit: 10) == nil && DTMFKey(digit: -1) == nil)
        for key in [DTMFKey.star, .pound, .a, .b, .c, .d] { #expect(key.digit == nil && !key.isDigit) }
        for key in DTMFKey.allCases {
            #expect(DTMFKey(key.character) == key)
            #expect(DTMFKey(Character(key.character.lowercased())) == key)
            #expect(DTMFKey(row: key.row, column: key.column) == key)
        }
        #expect(DTMFKey("x") == nil && DTMFKey(" ") == nil)
    }
}
