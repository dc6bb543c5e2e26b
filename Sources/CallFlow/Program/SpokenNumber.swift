/// How numbers are read out: British English words as Asterisk's `SayNumber` says them
/// (`ast_say_number_full_en_GB`), and digit by digit for phone numbers.
///
/// Words and their prompts:
///
/// | number | prompts |
/// |---|---|
/// | 0 … 9 | `digit-0` … `digit-9` |
/// | 10 … 19 | `number-10` … `number-19` |
/// | 20, 30 … 90 | `number-20` … `number-90` |
/// | hundred, and | `number-hundred`, `number-and` |
///
/// So 12 is `number-12`; 45 is `number-40 digit-5`; 123 is
/// `digit-1 number-hundred number-and number-20 digit-3`; 300 is `digit-3 number-hundred`.
/// Numbers of 1000 or more (and negative ones, by their magnitude) are read digit by digit.
/// Nothing here allocates: words are handed to a non-escaping closure one at a time.
enum SpokenNumber {
    /// Numbers below this are read as words; larger ones digit by digit.
    static let wordLimit = 1000
    /// The most words ``forEachWord(of:_:)`` gives for a number below ``wordLimit``
    /// ("nine hundred and ninety nine").
    static let maxWords = 5

    /// Calls `body` with the words of `number`, in order: words below ``wordLimit``, else digits.
    static func forEachWord(of number: Int, _ body: (NumberWord) -> Void) {
        guard number >= 0, number < wordLimit else {
            forEachDigit(of: number, body)
            return
        }
        var rest = number
        if rest >= 100 {
            body(.digit(rest / 100))
            body(.hundred)
            rest %= 100
            if rest == 0 { return }
            body(.and)
        }
        if rest < 10 {
            body(.digit(rest))
        } else if rest < 20 {
            body(.teen(rest))
        } else {
            body(.tens(rest))
            if rest % 10 > 0 { body(.digit(rest % 10)) }
        }
    }

    /// Calls `body` with the digits of `number` (its magnitude), most significant first.
    static func forEachDigit(of number: Int, _ body: (NumberWord) -> Void) {
        let magnitude = number.magnitude
        var power: UInt = 1
        while magnitude / power >= 10 { power *= 10 }
        while power > 0 {
            body(.digit(Int((magnitude / power) % 10)))
            power /= 10
        }
    }

    /// The prompt names for `number` read as words (for tests, docs and tools; the
    /// interpreter uses ``forEachWord(of:_:)`` with prompt indices instead).
    static func promptNames(of number: Int) -> [String] {
        var names: [String] = []
        forEachWord(of: number) { names.append($0.promptName) }
        return names
    }
}

/// One word used to read a number out, identified by its slot in ``NumberWord/promptNames``.
struct NumberWord: Hashable, Sendable {
    /// Index into ``promptNames`` (0-9 digits, 10-19 teens, 20-27 tens, 28 hundred, 29 and).
    let slot: Int

    /// The digit `n` (0-9): `digit-N`.
    static func digit(_ n: Int) -> NumberWord { NumberWord(slot: n) }
    /// Ten to nineteen (`n` in 10...19): `number-N`.
    static func teen(_ n: Int) -> NumberWord { NumberWord(slot: n) }
    /// The tens of `n` (20...99): `number-20` … `number-90`.
    static func tens(_ n: Int) -> NumberWord { NumberWord(slot: 18 + n / 10) }
    /// "hundred".
    static let hundred = NumberWord(slot: 28)
    /// "and", as in "one hundred and five".
    static let and = NumberWord(slot: 29)

    /// Prompt names by slot.
    static let promptNames: [String] = (0...9).map { "digit-\($0)" } + (10...19).map { "number-\($0)" }
        + stride(from: 20, through: 90, by: 10).map { "number-\($0)" } + ["number-hundred", "number-and"]
    /// The digit prompts, `digit-0` … `digit-9` (phone numbers and numbers of 1000 or more).
    static let digitPromptNames = Array(promptNames[0...9])
    /// The prompts for words other than digits, `number-10` … `number-and`.
    static let wordPromptNames = Array(promptNames[10...])

    /// This word's prompt name.
    var promptName: String { Self.promptNames[slot] }
}
