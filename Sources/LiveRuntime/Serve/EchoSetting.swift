import Foundation
import Telephony
import Yams

/// Reads a line's echo canceller settings, from serve.yaml (`echo_canceller: on|off`,
/// `echo_tail: 64ms`) or the `ivr call` flags.
public enum EchoSetting {
    /// Tails accepted, in milliseconds.
    public static let tailRange = 8...512

    /// "on"/"off" (also true/false, yes/no) → true/false; nil for anything else.
    public static func onOff(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes": true
        case "off", "false", "no": false
        default: nil
        }
    }

    /// "64ms", "64 ms" or "64" → 64; nil if not a whole number of milliseconds in `tailRange`.
    public static func tailMilliseconds(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).lowercased()
        if digits.hasSuffix("ms") { digits = String(digits.dropLast(2)).trimmingCharacters(in: .whitespaces) }
        guard let value = Int(digits), tailRange.contains(value) else { return nil }
        return value
    }

    /// The settings for a line from its `echo_canceller` and `echo_tail` nodes (both optional).
    static func parse(_ switchNode: Node?, tail tailNode: Node?, line: String,
                      fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> EchoCanceller.Settings? {
        var settings = EchoCanceller.Settings()
        if let tailNode {
            guard let text = tailNode.string, let tail = tailMilliseconds(text) else {
                throw fail(tailNode, "echo_tail of line \(line) must be milliseconds from \(tailRange.lowerBound) to \(tailRange.upperBound), e.g. 64ms")
            }
            settings.tailMilliseconds = tail
        }
        if let switchNode {
            guard let text = switchNode.string, let on = onOff(text) else {
                throw fail(switchNode, "echo_canceller of line \(line) must be on or off")
            }
            if !on { return nil }
        }
        return settings
    }
}
