import ArgumentParser

/// Ids of stored records (voicemails, callbacks) on the command line: positive whole numbers.
enum RecordID {
    /// Reads `text` as an id, or says what an id looks like.
    static func parse(_ text: String, _ what: String) throws -> Int64 {
        guard let value = Int64(text), value > 0 else {
            throw ValidationError("the \(what) id must be a positive number like 12, not '\(text)'")
        }
        return value
    }

    /// The `transform:` for a voicemail id argument.
    static func voicemail(_ text: String) throws -> Int64 { try parse(text, "voicemail") }
    /// The `transform:` for a callback id argument.
    static func callback(_ text: String) throws -> Int64 { try parse(text, "callback") }

    /// A word like `-1` that the argument parser took for an option, when parsing failed: ids
    /// are never negative, so say that instead of "missing expected argument".
    static func negativeNumber(in arguments: [String]) -> String? {
        arguments.first { $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().allSatisfy(\.isNumber) }
    }
}
