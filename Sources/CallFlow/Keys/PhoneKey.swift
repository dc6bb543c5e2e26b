import Telephony

/// One key of a telephone keypad: `0`-`9`, `*`, `#` and the rarely used `A`-`D`.
///
/// The raw value is a compact index (0-15) so that key sets fit in a `UInt16` mask and
/// key sequences in a `UInt64` (see ``KeySequence``).
public enum PhoneKey: UInt8, Sendable, CaseIterable, Hashable {
    /// Digit 0.
    case d0 = 0
    /// Digit 1.
    case d1
    /// Digit 2.
    case d2
    /// Digit 3.
    case d3
    /// Digit 4.
    case d4
    /// Digit 5.
    case d5
    /// Digit 6.
    case d6
    /// Digit 7.
    case d7
    /// Digit 8.
    case d8
    /// Digit 9.
    case d9
    /// The star key `*`.
    case star = 10
    /// The hash (pound) key `#`.
    case hash = 11
    /// Key A (the fourth column of a full DTMF keypad).
    case a = 12
    /// Key B.
    case b
    /// Key C.
    case c
    /// Key D.
    case d

    /// The key for a character (`0`-`9`, `*`, `#`, `A`-`D` in either case), or nil.
    public init?(_ character: Character) {
        switch character {
        case "0"..."9": self.init(rawValue: character.asciiValue! - 48)
        case "*": self = .star
        case "#": self = .hash
        case "A", "a": self = .a
        case "B", "b": self = .b
        case "C", "c": self = .c
        case "D", "d": self = .d
        default: return nil
        }
    }

    /// The key's character as printed on the keypad.
    public var character: Character {
        switch self {
        case .star: return "*"
        case .hash: return "#"
        case .a: return "A"
        case .b: return "B"
        case .c: return "C"
        case .d: return "D"
        default: return Character(Unicode.Scalar(rawValue + 48))
        }
    }

    /// True for the digits `0`-`9`.
    public var isDigit: Bool { rawValue < 10 }

    /// This key's bit in a ``KeySet``.
    var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// A set of keypad keys stored as a 16-bit mask (no allocation).
public struct KeySet: Sendable, Hashable {
    /// The mask: bit `k.rawValue` set for each member `k`.
    public var mask: UInt16

    /// The empty set.
    public init() { mask = 0 }

    /// The set of the keys in `string` (characters that are not keys are ignored).
    public init(_ string: String) {
        mask = 0
        for character in string { if let key = PhoneKey(character) { insert(key) } }
    }

    /// True when `key` is in the set.
    @inlinable public func contains(_ key: PhoneKey) -> Bool { mask & (1 << UInt16(key.rawValue)) != 0 }

    /// Adds `key`.
    public mutating func insert(_ key: PhoneKey) { mask |= key.bit }

    /// True when the set has no key.
    public var isEmpty: Bool { mask == 0 }

    /// The keys as a string in keypad order, e.g. `"12#"`.
    public var description: String {
        String(PhoneKey.allCases.filter { contains($0) }.map(\.character))
    }
}

extension PhoneKey {
    /// The keypad key the DTMF receiver heard (a table lookup by the tone's row and column).
    @inlinable public init(_ key: DTMFKey) {
        self = Self.byTone[key.rawValue]
    }

    /// Keys in ``DTMFKey`` order (row by row: 1 2 3 A, 4 5 6 B, 7 8 9 C, * 0 # D).
    public static let byTone: [PhoneKey] = [.d1, .d2, .d3, .a, .d4, .d5, .d6, .b, .d7, .d8, .d9, .c, .star, .d0, .hash, .d]
}
