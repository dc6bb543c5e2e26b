/// RFC 4733 telephone events turned into key presses, one per press.
///
/// Every packet of one event carries the same RTP timestamp (the event's start), and the end
/// packet is sent three times; so a press is a new timestamp. Counting presses by timestamp
/// rather than by the start packet keeps a press whose start packets were all lost.
public struct TelephoneEvents: Sendable {
    private var lastTimestamp: UInt32?

    /// Nothing heard yet.
    public init() {}

    /// The key this packet's payload starts, or nil (a repeat of the same press, an event that
    /// is not a keypad key, or a payload shorter than the 4 bytes RFC 4733 requires).
    public mutating func key(payload: UnsafeRawBufferPointer, timestamp: UInt32) -> Character? {
        guard payload.count >= 4 else { return nil }
        guard timestamp != lastTimestamp else { return nil }
        guard let key = Self.key(forEvent: payload[0]) else { return nil }
        lastTimestamp = timestamp
        return key
    }

    /// The keypad key of event code `code` (0-9, 10 `*`, 11 `#`, 12-15 `A`-`D`).
    public static func key(forEvent code: UInt8) -> Character? {
        switch code {
        case 0...9: Character(String(code))
        case 10: "*"
        case 11: "#"
        case 12...15: Character(UnicodeScalar(UInt8(ascii: "A") + code - 12))
        default: nil
        }
    }
}
