import Telephony

/// A set of keypad keys stored as a 16-bit mask (no allocation).
///
/// Keys are Telephony's ``DTMFKey`` (the one key type); bit `k.rawValue` stands for key `k`.
public struct KeySet: Sendable, Hashable {
    /// The mask: bit `k.rawValue` set for each member `k`.
    public var mask: UInt16

    /// The empty set.
    public init() { mask = 0 }

    /// The set of the keys in `string` (characters that are not keys are ignored).
    public init(_ string: String) {
        mask = 0
        for character in string { if let key = DTMFKey(character) { insert(key) } }
    }

    /// True when `key` is in the set.
    @inlinable public func contains(_ key: DTMFKey) -> Bool { mask & (1 << UInt16(key.rawValue)) != 0 }

    /// Adds `key`.
    public mutating func insert(_ key: DTMFKey) { mask |= 1 << UInt16(key.rawValue) }

    /// True when the set has no key.
    public var isEmpty: Bool { mask == 0 }

    /// The keys as a string in keypad order (0-9, *, #, A-D), e.g. `"12#"`.
    public var description: String {
        String(DTMFKey.keypadOrder.filter { contains($0) }.map(\.character))
    }
}
