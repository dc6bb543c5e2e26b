/// Reads durations written with units: `20s`, `5m`, `1.5h`, `14d`, `1h30m`, `250ms`.
public enum DurationText {
    /// Seconds in `text`, or nil when it is not a duration with units.
    ///
    /// A bare `0` is accepted (zero needs no unit); any other bare number is refused so that
    /// `duration: 14` cannot silently mean 14 seconds.
    public static func seconds(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "0" { return 0 }
        var total = 0.0, number = "", sawPart = false
        var chars = Array(s)[...]
        while let ch = chars.first {
            if ch.isNumber || ch == "." {
                number.append(ch); chars = chars.dropFirst(); continue
            }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            let unit: Double
            if chars.starts(with: "ms") { unit = 0.001; chars = chars.dropFirst(2) } else {
                switch ch {
                case "s": unit = 1
                case "m": unit = 60
                case "h": unit = 3600
                case "d": unit = 86_400
                default: return nil
                }
                chars = chars.dropFirst()
            }
            total += value * unit
            number = ""
            sawPart = true
        }
        return sawPart && number.isEmpty ? total : nil
    }

    /// A short human form: `45s`, `12m`, `3h`, `14d`, `1h30m`.
    public static func format(_ seconds: Double) -> String {
        if seconds < 60 || seconds.rounded() != seconds {
            return seconds.rounded() == seconds ? "\(ScenarioLimits.clampedInt(seconds))s" : "\(seconds)s"
        }
        let total = ScenarioLimits.clampedInt(seconds)
        if total % 86_400 == 0 { return "\(total / 86_400)d" }
        var out = ""
        let h = total / 3600, m = total % 3600 / 60, s = total % 60
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 { out += "\(s)s" }
        return out
    }
}

import Foundation
