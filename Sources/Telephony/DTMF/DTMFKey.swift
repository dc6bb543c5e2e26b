/// A key of the telephone keypad: 0-9, *, # and A-D (ITU-T Q.23), the one key type of the
/// whole program: the DTMF receiver hears it, RFC 4733 and the terminal deliver it, and the
/// call-flow interpreter acts on it (a flow refuses A-D unless a step offers them, like any
/// other key it does not offer).
///
/// The raw value is the key's position in `DTMFKey.layout` order: row × 4 + column, so the
/// receiver finds a key from its tone pair with no table and a key fits in 4 bits (key
/// sequences pack 16 into a `UInt64`, key sets are a 16-bit mask).
public enum DTMFKey: Int, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// 697 + 1209 Hz.
    case one = 0, two, three, a
    /// 770 Hz row.
    case four, five, six, b
    /// 852 Hz row.
    case seven, eight, nine, c
    /// 941 Hz row (`pound` is the hash key `#`).
    case star, zero, pound, d

    /// Low-group (row) frequencies in Hz: 697, 770, 852, 941.
    public static let lowFrequencies: [Double] = [697, 770, 852, 941]
    /// High-group (column) frequencies in Hz: 1209, 1336, 1477, 1633.
    public static let highFrequencies: [Double] = [1209, 1336, 1477, 1633]
    /// Characters by raw value, row by row.
    public static let layout: [Character] = ["1", "2", "3", "A", "4", "5", "6", "B",
                                             "7", "8", "9", "C", "*", "0", "#", "D"]
    /// Every key in the order people list them: 0-9, *, #, A-D (for messages and key sets).
    public static let keypadOrder: [DTMFKey] = [.zero, .one, .two, .three, .four, .five, .six, .seven, .eight, .nine,
                                                .star, .pound, .a, .b, .c, .d]
    /// The digits 0-9 by value.
    static let digits: [DTMFKey] = [.zero, .one, .two, .three, .four, .five, .six, .seven, .eight, .nine]

    /// Row index 0...3 (low group).
    public var row: Int { rawValue / 4 }
    /// Column index 0...3 (high group).
    public var column: Int { rawValue % 4 }
    /// Low-group frequency in Hz.
    public var lowFrequency: Double { Self.lowFrequencies[row] }
    /// High-group frequency in Hz.
    public var highFrequency: Double { Self.highFrequencies[column] }
    /// The key as printed: "0"-"9", "*", "#", "A"-"D".
    public var character: Character { Self.layout[rawValue] }
    /// The key as printed.
    public var description: String { String(character) }

    /// The digit's value 0-9, or nil for *, # and A-D.
    @inlinable public var digit: Int? {
        switch self {
        case .zero: 0
        case .one: 1
        case .two: 2
        case .three: 3
        case .four: 4
        case .five: 5
        case .six: 6
        case .seven: 7
        case .eight: 8
        case .nine: 9
        case .star, .pound, .a, .b, .c, .d: nil
        }
    }

    /// True for the digits 0-9.
    @inlinable public var isDigit: Bool { digit != nil }

    /// The key at `row` and `column` (both 0...3).
    public init(row: Int, column: Int) {
        self = DTMFKey(rawValue: row * 4 + column)!
    }

    /// The digit key for `value` 0-9; nil for anything else.
    public init?(digit value: Int) {
        guard (0...9).contains(value) else { return nil }
        self = Self.digits[value]
    }

    /// The key printed as `character` (lower-case a-d accepted); nil for anything else.
    public init?(_ character: Character) {
        switch character {
        case "0"..."9": self = Self.digits[Int(character.asciiValue! - 48)]
        case "*": self = .star
        case "#": self = .pound
        case "A", "a": self = .a
        case "B", "b": self = .b
        case "C", "c": self = .c
        case "D", "d": self = .d
        default: return nil
        }
    }

    /// Parses a string of keys such as "123#"; throws naming the first character that is not a key.
    public static func parse(_ text: String) throws(DTMFKeyError) -> [DTMFKey] {
        try text.enumerated().map { (offset, character) throws(DTMFKeyError) -> DTMFKey in
            guard let key = DTMFKey(character) else { throw .notAKey(character, position: offset + 1) }
            return key
        }
    }
}

/// A character that is not a DTMF key.
public enum DTMFKeyError: Error, Equatable, CustomStringConvertible {
    /// `character` at 1-based `position` is not one of 0-9 * # A-D.
    case notAKey(Character, position: Int)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case let .notAKey(character, position):
            "'\(character)' (character \(position)) is not a DTMF key; use 0-9, *, # and A-D"
        }
    }
}

extension Array where Element == DTMFKey {
    /// The keys as a string, e.g. "123#".
    public var dtmfString: String { String(map(\.character)) }
}
