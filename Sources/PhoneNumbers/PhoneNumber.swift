/// A telephone number in E.164 form (`+442079460018`), parsed from what a person typed.
///
/// Numbers written nationally (`020 7946 0018`, `07700 900123`) are read in the
/// default region (the store is in the UK, so `PhoneRegion.gb` unless told
/// otherwise); numbers with `+` or the international prefix `00` keep their own
/// country, and a bracketed trunk prefix (`+44 (0)20 …`) is dropped. Spaces, dots, hyphens and brackets are ignored; anything else is an
/// error that says what was wrong. The value is only ever the `+` and digits, so
/// it is safe to log and to store.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number in E.164 form: `+`, country code, national number; at most 15 digits.
    public let e164: String

    /// Parses `text`, reading a national number in `region`.
    ///
    /// - Throws: `PhoneNumberError` naming what was wrong with the input.
    public init(parsing text: String, region: PhoneRegion = .gb) throws {
        self.e164 = try PhoneNumber.normalise(text, region: region)
    }

    /// Wraps a string already in E.164 form (for example read back from the store).
    ///
    /// - Throws: `PhoneNumberError` if `e164` is not `+` followed by 8 to 15 digits.
    public init(e164: String) throws {
        guard e164.first == "+" else { throw PhoneNumberError.notE164(e164) }
        let digits = e164.dropFirst()
        guard digits.allSatisfy(\.isASCIIDigit), (8...15).contains(digits.count), digits.first != "0" else {
            throw PhoneNumberError.notE164(e164)
        }
        self.e164 = e164
    }

    /// The E.164 text.
    public var description: String { e164 }

    /// The number as dialled within `region` (`07700900123` for `+447700900123` in GB,
    /// `2025550123` for `+12025550123` in the US), or nil when it is another country's.
    public func nationalForm(in region: PhoneRegion) -> String? {
        let code = "+" + region.callingCode
        guard e164.hasPrefix(code) else { return nil }
        let prefix = region.trunkPrefixRequired ? region.trunkPrefix ?? "" : ""
        return prefix + e164.dropFirst(code.count)
    }

    private static let separators: Set<Character> = [" ", "-", ".", "(", ")", "/", "\u{00A0}"]

    /// `text` without the spaces, dashes, dots, slashes and brackets people write numbers with
    /// (the separators the parser ignores).
    public static func removingSeparators(_ text: String) -> String {
        text.filter { !separators.contains($0) }
    }

    private static func normalise(_ text: String, region: PhoneRegion) throws -> String {
        var trimmed = text.trimmedOfWhitespace
        guard !trimmed.isEmpty else { throw PhoneNumberError.empty }
        if trimmed.hasPrefix("+") || trimmed.hasPrefix("00") {
            trimmed = trimmed.replacing("(0)", with: "")  // "+44 (0)20 …": the bracketed trunk prefix
        }
        var digits = ""
        var plus = false
        for (index, character) in trimmed.enumerated() {
            if character == "+" && index == 0 { plus = true; continue }
            if character.isASCIIDigit { digits.append(character); continue }
            if separators.contains(character) { continue }
            throw PhoneNumberError.invalidCharacter(text, character)
        }
        guard !digits.isEmpty else { throw PhoneNumberError.empty }
        if !plus && digits.hasPrefix("00") {
            plus = true
            digits.removeFirst(2)
        }
        if plus {
            guard digits.first != "0" else { throw PhoneNumberError.badCountryCode(text) }
            guard CountryCodes.length(of: digits.utf8) != nil else { throw PhoneNumberError.unassignedCountryCode(text) }
            if let known = PhoneRegion.known.first(where: { digits.hasPrefix($0.callingCode) }) {
                try known.checkNational(String(digits.dropFirst(known.callingCode.count)), original: text)
            }
            guard (8...15).contains(digits.count) else { throw PhoneNumberError.wrongLength(text) }
            return "+" + digits
        }
        var national = digits
        if let trunk = region.trunkPrefix, national.hasPrefix(trunk) {
            national.removeFirst(trunk.count)
        } else if region.trunkPrefixRequired {
            throw PhoneNumberError.missingTrunkPrefix(text, region)
        }
        try region.checkNational(national, original: text)
        return "+" + region.callingCode + national
    }
}

/// What is wrong with a telephone number someone typed.
public enum PhoneNumberError: Error, Equatable, CustomStringConvertible {
    /// Nothing was given.
    case empty
    /// A character that is neither a digit, a leading `+`, nor a separator.
    case invalidCharacter(String, Character)
    /// Too short or too long for its country (or for E.164's 15 digits).
    case wrongLength(String)
    /// `+0…` or `000…`: no country code starts with 0.
    case badCountryCode(String)
    /// The digits after `+` start with no country code ITU-T has assigned (e.g. `+999`).
    case unassignedCountryCode(String)
    /// A national number without the region's trunk prefix (a UK number must start with 0).
    case missingTrunkPrefix(String, PhoneRegion)
    /// A stored value that is not `+` and 8 to 15 digits.
    case notE164(String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .empty:
            return "no phone number given; write it as 020 7946 0018 or +44 20 7946 0018"
        case .invalidCharacter(let text, let character):
            return "'\(text)' is not a phone number: '\(character)' is not allowed (use digits, a leading +, spaces or hyphens)"
        case .wrongLength(let text):
            return "'\(text)' has the wrong number of digits for a phone number; check it and include the area code"
        case .badCountryCode(let text):
            return "'\(text)' has no valid country code after + or 00"
        case .unassignedCountryCode(let text):
            let digits = text.filter(\.isASCIIDigit).drop { $0 == "0" && !text.contains("+") }
            return "'\(text)' is not a phone number: no country has the code +\(digits.prefix(3)) (or a shorter one it starts with); check the digits after + or 00"
        case .missingTrunkPrefix(let text, let region):
            return "'\(text)' is not a \(region.isoCode) number: national numbers start with \(region.trunkPrefix ?? "0"); for another country start with + and the country code"
        case .notE164(let text):
            return "'\(text)' is not in E.164 form (+ followed by 8 to 15 digits)"
        }
    }
}

/// Numbering rules for one country: calling code, trunk prefix, national number lengths.
public struct PhoneRegion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// ISO 3166 code, e.g. `GB`.
    public let isoCode: String
    /// Country calling code without `+`, e.g. `44`.
    public let callingCode: String
    /// The prefix dialled before a national number (`0` in the UK), if any.
    public let trunkPrefix: String?
    /// Whether a national number must start with the trunk prefix.
    public let trunkPrefixRequired: Bool
    /// Allowed lengths of the national significant number (without trunk prefix).
    public let nationalLengths: ClosedRange<Int>
    /// Leading digits that allow a number shorter than the longest length; empty: any.
    /// (In the UK only some `01` area codes have 9-digit numbers; `020 …` has 10.)
    public let shortNumberLeadingDigits: String

    /// Creates a region's numbering rules.
    public init(isoCode: String, callingCode: String, trunkPrefix: String?, trunkPrefixRequired: Bool,
                nationalLengths: ClosedRange<Int>, shortNumberLeadingDigits: String = "") {
        self.isoCode = isoCode
        self.callingCode = callingCode
        self.trunkPrefix = trunkPrefix
        self.trunkPrefixRequired = trunkPrefixRequired
        self.nationalLengths = nationalLengths
        self.shortNumberLeadingDigits = shortNumberLeadingDigits
    }

    /// The ISO code.
    public var description: String { isoCode }

    /// United Kingdom: +44, trunk prefix 0, 9 or 10 national digits (`20 7946 0018`).
    public static let gb = PhoneRegion(isoCode: "GB", callingCode: "44", trunkPrefix: "0",
                                       trunkPrefixRequired: true, nationalLengths: 9...10,
                                       shortNumberLeadingDigits: "1")
    /// Ireland: +353, trunk prefix 0, 7 to 9 national digits.
    public static let ie = PhoneRegion(isoCode: "IE", callingCode: "353", trunkPrefix: "0",
                                       trunkPrefixRequired: true, nationalLengths: 7...9)
    /// North American Numbering Plan: +1, optional trunk prefix 1, 10 digits.
    public static let nanp = PhoneRegion(isoCode: "US", callingCode: "1", trunkPrefix: "1",
                                         trunkPrefixRequired: false, nationalLengths: 10...10)
    /// France: +33, trunk prefix 0, 9 national digits.
    public static let fr = PhoneRegion(isoCode: "FR", callingCode: "33", trunkPrefix: "0",
                                       trunkPrefixRequired: true, nationalLengths: 9...9)

    /// Regions whose national lengths are checked for international (`+`) numbers too.
    /// Others are only checked against E.164's overall length.
    public static let known: [PhoneRegion] = [.gb, .nanp, .fr, .ie]

    func checkNational(_ national: String, original: String) throws {
        guard nationalValid(national.utf8) else { throw PhoneNumberError.wrongLength(original) }
    }

    /// Whether the ASCII digits `national` (without trunk prefix) are a national significant
    /// number of this region: not starting with the trunk prefix's 0, an allowed length, and
    /// short only after the leading digits that allow it.
    func nationalValid<Digits: Collection>(_ national: Digits) -> Bool where Digits.Element == UInt8 {
        guard let first = national.first, first != UInt8(ascii: "0") || trunkPrefix == nil,
              nationalLengths.contains(national.count) else { return false }
        if national.count < nationalLengths.upperBound, !shortNumberLeadingDigits.isEmpty,
           !shortNumberLeadingDigits.utf8.contains(first) { return false }
        return true
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    fileprivate var trimmedOfWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
