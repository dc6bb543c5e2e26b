/// What a scripted caller does: `1`, `42#` (keys a natural gap apart), `wN` (wait N seconds),
/// `talkN` (speak for N seconds), `hangup`. After the last token the caller stays silent.
public struct KeyScript: Sendable, Equatable {
    /// One step of the script.
    public enum Token: Sendable, Equatable {
        /// Press these keys one after another.
        case keys([DTMFKey])
        /// Wait this many seconds.
        case wait(Double)
        /// Speak for this many seconds (matters while a message is being recorded).
        case talk(Double)
        /// Hang up.
        case hangup
    }

    /// A bad token, with its position (1-based) in the script.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        /// The offending token.
        public let token: String
        /// Its position in the script, from 1.
        public let position: Int
        /// Whether the token comes after `hangup` (nothing can).
        public var afterHangUp = false
        /// What to write instead.
        public var description: String {
            if afterHangUp {
                return "--keys token \(position) '\(token)' comes after hangup: the caller has gone; end the script with hangup or move it later"
            }
            return "--keys token \(position) '\(token)' is not understood: use keys (0-9 * # A-D, e.g. 42#), wN to wait N seconds, talkN to speak N seconds, or hangup"
        }
    }

    /// The tokens in order.
    public let tokens: [Token]

    /// A script from tokens.
    public init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a space-separated script such as `w5 1 w10 2 talk8 #`.
    public init(_ text: String) throws {
        var tokens: [Token] = []
        for (i, word) in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).enumerated() {
            let token = String(word)
            if tokens.last == .hangup {
                var error = ParseError(token: token, position: i + 1)
                error.afterHangUp = true
                throw error
            }
            if token.lowercased() == "hangup" {
                tokens.append(.hangup)
            } else if token.hasPrefix("talk"), let n = DurationParser.seconds(String(token.dropFirst(4))), n >= 0 {
                tokens.append(.talk(n))
            } else if token.hasPrefix("w"), let n = DurationParser.seconds(String(token.dropFirst())), n >= 0 {
                tokens.append(.wait(n))
            } else {
                let keys = token.compactMap { DTMFKey($0) }
                guard keys.count == token.count, !keys.isEmpty else {
                    throw ParseError(token: token, position: i + 1)
                }
                tokens.append(.keys(keys))
            }
        }
        self.tokens = tokens
    }
}
