extension PhoneNumber {
    /// Whether `text` parses as a phone number in `region`: the same answer as
    /// `(try? PhoneNumber(parsing: text, region: region)) != nil`.
    ///
    /// A caller ID in E.164 form (`+` and digits only, as telephone networks deliver it) is
    /// checked on its bytes without building strings; anything else goes through the parser.
    /// Call flows ask this once per callback, on every call that reaches one, so it is kept cheap.
    public static func isValid(_ text: String, region: PhoneRegion = .gb) -> Bool {
        var copy = text
        if let answer = copy.withUTF8({ validE164(bytes: $0) }) { return answer }
        return (try? PhoneNumber(parsing: text, region: region)) != nil
    }

    /// The parser's answer for `+` followed by ASCII digits; nil for any other text.
    static func validE164(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "+") else { return nil }
        let digits = UnsafeBufferPointer(rebasing: bytes[1...])
        for byte in digits where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return nil }
        guard digits[0] != UInt8(ascii: "0") else { return false }                 // no country code starts with 0
        guard CountryCodes.length(of: digits) != nil else { return false }
        if let known = PhoneRegion.known.first(where: { hasPrefix(digits, $0.callingCode) }) {
            let national = UnsafeBufferPointer(rebasing: digits[known.callingCode.utf8.count...])
            guard known.nationalValid(national) else { return false }
        }
        return (8...15).contains(digits.count)
    }

    private static func hasPrefix(_ digits: UnsafeBufferPointer<UInt8>, _ prefix: String) -> Bool {
        var i = 0
        for byte in prefix.utf8 {
            guard i < digits.count, digits[i] == byte else { return false }
            i += 1
        }
        return true
    }
}
