/// Checks a flow or scenario file's text before the YAML parser sees it: its size, control
/// characters and how deeply it nests. The parser builds its tree recursively and reports a
/// control character at 1:1 with the raw bytes, so both are caught here with a line and column.
public enum YAMLInputCheck {
    /// The largest file read (bytes). A flow of ``FlowLimits/maxSteps`` steps is well under it.
    public static let maxBytes = 4 << 20
    /// The deepest nesting of mappings and lists (block indentation levels plus `[`/`{`).
    public static let maxDepth = 64

    /// A problem with the text: where, and what is wrong.
    public struct Problem: Sendable, Equatable {
        /// Line, from 1.
        public var line: Int
        /// Column (characters), from 1.
        public var column: Int
        /// What is wrong and what to do.
        public var message: String
    }

    /// The first problem with `text`, or nil when the YAML parser may read it.
    public static func check(_ text: String) -> Problem? {
        let size = text.utf8.count
        if size > maxBytes {
            return Problem(line: 1, column: 1, message: "the file is \(size) bytes; at most \(maxBytes) (\(maxBytes >> 20) MB) are read: split it or remove what is not needed")
        }
        var line = 1, column = 0
        var flowDepth = 0
        var quote: UInt8 = 0             // the open quote, 0 outside quotes
        var escaped = false
        var comment = false
        var atLineStart = true
        var leadingDashes = true         // only spaces and `-` so far on this line
        var indent = 0
        var indents: [Int] = []          // block indentation levels open at this point
        var previous: UInt8 = 10
        // Bytes, not characters: a 4 MB file is read in milliseconds even in a debug build.
        // Columns count characters (UTF-8 continuation bytes are not counted).
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { column += 1 }
            if let problem = controlProblem(byte, after: previous, line: line, column: column) { return problem }
            if byte == 10 {
                line += 1; column = 0
                comment = false; atLineStart = true; leadingDashes = true; indent = 0
                previous = byte
                continue
            }
            if atLineStart {
                if byte == 32 { indent += 1; previous = byte; continue }
                atLineStart = false
                if byte != UInt8(ascii: "#") && quote == 0 && flowDepth == 0 {
                    while let last = indents.last, last >= indent + 1 { indents.removeLast() }
                    indents.append(indent + 1)
                    if indents.count > maxDepth { return deep(line, column) }
                }
            }
            defer { previous = byte }
            if byte != 32 && byte != UInt8(ascii: "-") { leadingDashes = false }
            if comment { continue }
            if quote != 0 {
                if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") && !escaped { escaped = true; continue }
                if byte == quote && !escaped { quote = 0 }
                escaped = false
                continue
            }
            switch byte {
            case UInt8(ascii: "#") where previous == 32 || previous == 9 || previous == 10:
                comment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if isTokenStart(previous) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth + indents.count > maxDepth { return deep(line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "-") where flowDepth == 0 && leadingDashes && (previous == 32 || previous == 10):
                // `- - - x`: each dash opens a list inside the last one.
                if indents.count > 0 { indents.append(indents[indents.count - 1] + column) }
                if indents.count > maxDepth { return deep(line, column) }
            default:
                break
            }
        }
        return nil
    }

    private static func isTokenStart(_ previous: UInt8) -> Bool {
        switch previous {
        case 32, 9, 10, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
             UInt8(ascii: "-"), UInt8(ascii: "?"): return true
        default: return false
        }
    }

    private static func deep(_ line: Int, _ column: Int) -> Problem {
        Problem(line: line, column: column, message: "lists and mappings nest more than \(maxDepth) levels deep here; no flow or scenario needs that many: check the indentation and brackets")
    }

    /// C0 controls other than tab, line feed and carriage return; DEL; C1 controls (U+0080-U+009F,
    /// UTF-8 `C2 80`-`C2 9F`, reported at the `C2`'s column).
    private static func controlProblem(_ byte: UInt8, after previous: UInt8, line: Int, column: Int) -> Problem? {
        let value: UInt32
        if byte < 0x20 && byte != 9 && byte != 10 && byte != 13 || byte == 0x7F {
            value = UInt32(byte)
        } else if previous == 0xC2, (0x80...0x9F).contains(byte) {
            value = UInt32(byte)
        } else {
            return nil
        }
        let scalar = Unicode.Scalar(value)!
        return Problem(line: line, column: column, message: "control character \(escaped(scalar)) is not allowed in YAML text: remove it (was the file saved as text?)")
    }

    /// A character as people can read it in a message: `U+0000 (NUL)`, `U+001B (ESC)`, `U+0085`.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
                     "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if scalar.value < 0x20 { return "\(code) (\(names[Int(scalar.value)]))" }
        if scalar.value == 0x7F { return "\(code) (DEL)" }
        return code
    }

    /// `text` with control characters written as `\u{…}`, safe to print in a message.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
    }
}

import Yams

extension YAMLInputCheck {
    /// The most values (scalars, lists, mappings) a file may expand to, aliases (`*name`)
    /// counted each time they are used: a few lines of nested aliases can otherwise expand to
    /// billions of values.
    public static let maxValues = 1_000_000

    /// Whether the tree under `root` holds more than ``maxValues`` values; stops counting there.
    public static func expandsTooFar(_ root: Node) -> Bool {
        var pending = [root]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > maxValues { return true }
            switch node {
            case .scalar, .alias: break
            case .sequence(let list): pending.append(contentsOf: list)
            case .mapping(let mapping):
                for (key, value) in mapping { pending.append(key); pending.append(value) }
            }
        }
        return false
    }

    /// The message for a tree that ``expandsTooFar(_:)``.
    public static var expansionMessage: String {
        "the file expands to more than \(maxValues) values through its aliases (*name): use each anchor only a few times"
    }
}

extension YAMLInputCheck {
    /// Where `bytes` stop being UTF-8 text (line, column and the offending byte), or nil when
    /// they are UTF-8 throughout.
    public static func utf8Problem(_ bytes: [UInt8]) -> Problem? {
        var line = 1, column = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            column += 1
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid && length > 1 {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { valid = false }
            }
            guard valid else {
                let hex = String(byte, radix: 16, uppercase: true)
                return Problem(line: line, column: column, message: "byte 0x\(hex.count < 2 ? "0" + hex : hex) is not UTF-8 text: save the file as UTF-8 (is it a binary or a Latin-1 file?)")
            }
            if byte == 10 { line += 1; column = 0 }
            i += length
        }
        return nil
    }
}
