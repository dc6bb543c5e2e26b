import Foundation

/// Text for `ivr prompt list`: one aligned row per prompt and a summary line.
public struct PromptListReport: Sendable {
    /// The rows.
    public var statuses: [PromptStatus]
    /// The flow the list was narrowed to, if any.
    public var flow: String?

    /// A report of `statuses`.
    public init(statuses: [PromptStatus], flow: String? = nil) {
        self.statuses = statuses
        self.flow = flow
    }

    /// The table, the warnings under each row, and the summary.
    public var text: String {
        var lines = [Self.row("NAME", "STATE", "LENGTH", "RMS", "PEAK")]
        for status in statuses {
            let state = status.isPresent ? (status.warnings.isEmpty ? "ok" : "check") : "MISSING"
            let levels = status.levels
            lines.append(Self.row(status.name.value, state,
                                  status.isPresent ? String(format: "%.2f s", status.duration) : "-",
                                  levels.map { PromptWarning.dB($0.rmsDBFS) } ?? "-",
                                  levels.map { PromptWarning.dB($0.peakDBFS) } ?? "-"))
            if !status.isPresent {
                lines.append("    record it: ivr prompt record \(status.name)"
                             + (status.text.map { "  (\"\(Self.shortened($0))\")" } ?? "  (not in manifest.yaml)"))
            }
            lines += status.warnings.map { "    warning: \($0)" }
        }
        let present = statuses.filter(\.isPresent).count
        let flagged = statuses.filter { $0.isPresent && !$0.warnings.isEmpty }.count
        let scope = flow.map { " used by \($0)" } ?? ""
        lines.append("\(statuses.count) prompts\(scope): \(present) present, \(statuses.count - present) missing, "
                     + "\(flagged) with warnings")
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ name: String, _ state: String, _ length: String, _ rms: String, _ peak: String) -> String {
        name.padding(toLength: max(20, name.count + 1), withPad: " ", startingAt: 0)
            + state.padding(toLength: 9, withPad: " ", startingAt: 0)
            + length.padding(toLength: 10, withPad: " ", startingAt: 0)
            + rms.padding(toLength: 12, withPad: " ", startingAt: 0)
            + peak
    }

    static func shortened(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
    }
}

/// Text telling what an import or a recording produced.
public struct PromptTakeReport: Sendable {
    /// What was done.
    public var result: PromptTakeResult

    /// A report of `result`.
    public init(result: PromptTakeResult) { self.result = result }

    /// Lines: trimming and gain, the saved file with its length and levels, the backup, warnings.
    public var text: String {
        let take = result.take
        let rate = Double(EngineAudio.sampleRate)
        var lines = [
            String(format: "trimmed %.2f s at the start and %.2f s at the end; gain %+.1f dB",
                   Double(take.leadingTrim) / rate, Double(take.trailingTrim) / rate, take.gainDB),
            "saved \(result.installation.path): " + String(format: "%.2f s, ", take.duration)
                + "\(PromptWarning.dB(take.outputLevels.rmsDBFS)) RMS, peak \(PromptWarning.dB(take.outputLevels.peakDBFS))",
        ]
        if let backup = result.installation.backup { lines.append("previous take kept as \(backup)") }
        lines += take.warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
