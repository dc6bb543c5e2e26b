/// Up to 16 keypad keys in order, packed into one `UInt64` (4 bits a key): no allocation.
///
/// Used for menu choices, digits being collected, type-ahead and keyed-in phone numbers.
/// Appending to a full sequence drops the key (callers never need more than 16).
public struct KeySequence: Sendable, Hashable {
    /// Packed keys: key `i` in bits `4i ..< 4i+4`.
    public private(set) var bits: UInt64
    /// Number of keys held (0-16).
    public private(set) var count: Int

    /// The most keys a sequence holds.
    public static let capacity = 16

    /// The empty sequence.
    public init() { bits = 0; count = 0 }

    /// The keys of `string`, or nil if a character is not a key or there are more than 16.
    public init?(_ string: String) {
        self.init()
        for character in string {
            guard let key = DTMFKey(character), count < Self.capacity else { return nil }
            append(key)
        }
    }

    /// True when no key is held.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// True when no more keys fit.
    @inlinable public var isFull: Bool { count == Self.capacity }

    /// The key at `index` (0-based, must be less than `count`).
    public subscript(index: Int) -> DTMFKey {
        DTMFKey(rawValue: Int(truncatingIfNeeded: (bits >> UInt64(index * 4)) & 0xF))!
    }

    /// Appends `key`; ignored when full.
    public mutating func append(_ key: DTMFKey) {
        guard count < Self.capacity else { return }
        bits |= UInt64(key.rawValue) << UInt64(count * 4)
        count += 1
    }

    /// Removes and returns the first key, or nil when empty.
    public mutating func popFirst() -> DTMFKey? {
        guard count > 0 else { return nil }
        let key = self[0]
        bits >>= 4
        count -= 1
        return key
    }

    /// Removes every key.
    public mutating func removeAll() { bits = 0; count = 0 }

    /// True when `self` starts with `prefix` (and is at least as long).
    public func hasPrefix(_ prefix: KeySequence) -> Bool {
        guard prefix.count <= count else { return false }
        if prefix.count == 0 { return true }
        let mask: UInt64 = prefix.count == 16 ? ~0 : (1 << UInt64(prefix.count * 4)) - 1
        return bits & mask == prefix.bits
    }

    /// The keys as a string, e.g. `"42#"`.
    public var string: String {
        var text = ""
        for index in 0..<count { text.append(self[index].character) }
        return text
    }
}
