import Testing
@testable import CallFlow

/// Numbers read as British English words (Asterisk SayNumber en_GB), and the digit fallback.
@Suite struct SpokenNumberTests {
    @Test(arguments: [
        (0, ["digit-0"]),
        (7, ["digit-7"]),
        (10, ["number-10"]),
        (12, ["number-12"]),
        (19, ["number-19"]),
        (20, ["number-20"]),
        (21, ["number-20", "digit-1"]),
        (45, ["number-40", "digit-5"]),
        (99, ["number-90", "digit-9"]),
        (100, ["digit-1", "number-hundred"]),
        (101, ["digit-1", "number-hundred", "number-and", "digit-1"]),
        (110, ["digit-1", "number-hundred", "number-and", "number-10"]),
        (123, ["digit-1", "number-hundred", "number-and", "number-20", "digit-3"]),
        (300, ["digit-3", "number-hundred"]),
        (999, ["digit-9", "number-hundred", "number-and", "number-90", "digit-9"]),
    ])
    func numbersBelowAThousandAreWords(number: Int, expected: [String]) {
        #expect(SpokenNumber.promptNames(of: number) == expected)
    }

    @Test(arguments: [
        (1000, ["digit-1", "digit-0", "digit-0", "digit-0"]),
        (1012, ["digit-1", "digit-0", "digit-1", "digit-2"]),
        (40_506, ["digit-4", "digit-0", "digit-5", "digit-0", "digit-6"]),
        (-12, ["digit-1", "digit-2"]),
    ])
    func aThousandOrMoreFallsBackToDigits(number: Int, expected: [String]) {
        #expect(SpokenNumber.promptNames(of: number) == expected)
    }

    /// Reads the words back into a number, the way a listener would.
    func listen(_ names: [String]) -> Int? {
        var total = 0, current = 0
        for name in names {
            switch name {
            case "number-hundred": current *= 100
            case "number-and": total += current; current = 0
            default:
                let digits = name.split(separator: "-").last.flatMap { Int($0) }
                guard let value = digits else { return nil }
                current += value
            }
        }
        return total + current
    }

    @Test func everyNumberBelowAThousandReadsBackAndFitsInFiveWords() {
        var longest = 0
        for number in 0..<SpokenNumber.wordLimit {
            let names = SpokenNumber.promptNames(of: number)
            #expect(listen(names) == number, "\(number): \(names)")
            #expect(names.allSatisfy { NumberWord.promptNames.contains($0) })
            #expect(names.first != "digit-0" || number == 0, "\(number) starts with zero")
            longest = max(longest, names.count)
        }
        #expect(longest == SpokenNumber.maxWords)
    }

    @Test func promptNamesAreTheDigitsThenTwentyWords() {
        #expect(NumberWord.promptNames.count == 30)
        #expect(Set(NumberWord.promptNames).count == 30)
        #expect(NumberWord.digitPromptNames == (0...9).map { "digit-\($0)" })
        #expect(NumberWord.wordPromptNames.first == "number-10")
        #expect(NumberWord.wordPromptNames.suffix(3) == ["number-90", "number-hundred", "number-and"])
        #expect(NumberWord.tens(47).promptName == "number-40")
    }
}
