import CallFlow
import Foundation

/// Checks `callers.menus` against the flow: the keys a scenario has callers press must be keys
/// the step offers, and shares that do not add up to 1 are scaled and said so in the report.
enum FlowStepKeys {
    /// The keys of `keys` that step `index` (named `step`) does not offer, as located problems
    /// (keyed by their `Scenario.marks` name). Menus offer their choices, queues their exit
    /// keys; play, voicemail and callback steps take any key; goto, set, hours and hangup
    /// steps never wait, so no key reaches them.
    static func problems(step: String, index: Int, keys: [String], program: FlowProgram) -> [(key: String, message: String)] {
        let kind = program.kind(ofStep: index)
        switch kind {
        case .menu, .queue:
            let offered = program.choiceKeys(ofStep: index).map(\.string)
            let what = kind == .menu ? "menu '\(step)' offers" : "queue step '\(step)' lets callers leave with"
            return keys.sorted().filter { !offered.contains($0) }.map { key in
                ("callers.menus.\(step).\(key)",
                 "callers.menus.\(step): key \(key) is not offered there; \(what) \(offered.isEmpty ? "no keys" : offered.joined(separator: ", "))")
            }
        case .play, .voicemail, .callback:
            return []
        case .goto, .set, .hours, .hangup:
            return [("callers.menus.\(step)", "callers.menus.\(step): '\(step)' is a \(kind.rawValue) step, which never waits for a key; give shares for menu, queue or callback steps")]
        }
    }

    /// The report's note when the shares at `step` do not add up to 1 (they are scaled to 1).
    static func scaledNote(step: String, _ choices: [(keys: String, share: Double)]) -> String? {
        let total = choices.reduce(0) { $0 + $1.share }
        guard total > 0, abs(total - 1) > 1e-9 else { return nil }
        let scaled = choices.sorted { $0.keys < $1.keys }.map { "\($0.keys): \(percent($0.share / total))" }
        return "callers.menus.\(step): shares add up to \(number(total)), not 1; scaled to \(scaled.joined(separator: ", "))"
    }

    /// `names` for a message: all when few, else the first eight and how many more.
    static func summary(_ names: [String]) -> String {
        names.count <= 8 ? names.joined(separator: ", ") : names.prefix(8).joined(separator: ", ") + " and \(names.count - 8) more"
    }

    private static func percent(_ value: Double) -> String {
        let p = (value * 1000).rounded() / 10
        return p == p.rounded() ? "\(Int(p)) %" : String(format: "%.1f %%", p)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
