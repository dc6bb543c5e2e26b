/// Reads durations written with units: `500ms`, `5s`, `2m`, `1h`, `1d`, or a bare number of seconds.
public enum DurationParser {
    /// Seconds for `text`, or nil when it is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count)
            if let value = Double(number), value.isFinite, !number.isEmpty, number.first != "+" { return value * factor }
        }
        if let value = Double(trimmed), value.isFinite { return value }
        return nil
    }

    /// `5s`, `2m`, `1m30s`-free short form used in messages and transcripts.
    public static func format(_ seconds: Double) -> String {
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        if seconds == seconds.rounded() { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
