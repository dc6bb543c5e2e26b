/// A prompt's name: the stem of `prompts/<name>.wav`.
///
/// Only lower-case ASCII letters, digits, `-` and `_`, starting with a letter or digit, at most
/// 64 characters; so a name can never climb out of the prompts folder or hide a file.
public struct PromptName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The validated name.
    public let value: String

    /// Validates `text`; nil when it is not a usable prompt name.
    public init?(_ text: String) {
        guard (1...64).contains(text.count),
              let first = text.unicodeScalars.first, Self.isLetterOrDigit(first),
              text.unicodeScalars.allSatisfy({ Self.isLetterOrDigit($0) || $0 == "-" || $0 == "_" })
        else { return nil }
        value = text
    }

    /// The name.
    public var description: String { value }

    /// The file name in the prompts folder.
    public var fileName: String { "\(value).wav" }

    /// Orders by name.
    public static func < (lhs: PromptName, rhs: PromptName) -> Bool { lhs.value < rhs.value }

    /// Why `text` is not a valid name, for error messages.
    public static func rule(for text: String) -> String {
        "'\(text)' is not a prompt name: use 1-64 lower-case letters, digits, '-' or '_', "
            + "starting with a letter or digit (e.g. main-menu)"
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
