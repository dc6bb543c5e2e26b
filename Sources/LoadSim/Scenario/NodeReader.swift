import Foundation
import Yams

/// Reads typed values out of a Yams node tree, collecting located errors instead of stopping.
///
/// Each accessor returns nil (and records `FILE:LINE:COLUMN: error: …`) when the value is
/// missing or wrong, so one pass reports every problem in the file.
final class NodeReader {
    let file: String
    private(set) var errors: [ScenarioError] = []

    init(file: String) { self.file = file }

    func fail(_ node: Node?, _ message: String) {
        let mark = node?.mark
        errors.append(ScenarioError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    /// The mapping in `node`, reporting any key not in `allowed` (with a suggestion when close).
    func mapping(_ node: Node, _ what: String, allowed: [String]) -> [String: Node]? {
        guard let map = node.mapping else {
            fail(node, "\(what) must be a mapping of keys (\(allowed.joined(separator: ", ")))")
            return nil
        }
        var out: [String: Node] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.string else { fail(keyNode, "\(what): keys must be text"); continue }
            if !allowed.contains(key) {
                let hint = allowed.min { editDistance($0, key) < editDistance($1, key) }
                let suggestion = hint.map { editDistance($0, key) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
                fail(keyNode, "unknown key '\(key)' in \(what)\(suggestion); known keys: \(allowed.joined(separator: ", "))")
                continue
            }
            out[key] = value
        }
        return out
    }

    func string(_ node: Node, _ what: String) -> String? {
        guard let s = node.scalar?.string, !s.isEmpty else { fail(node, "\(what) must be text"); return nil }
        return s
    }

    /// A duration with units, at most `longest` seconds (default `ScenarioLimits.longestTime`).
    func duration(_ node: Node, _ what: String, positive: Bool = false,
                  longest: Double = ScenarioLimits.longestTime) -> Double? {
        guard let text = node.scalar?.string, let s = DurationText.seconds(text), s.isFinite else {
            fail(node, "\(what) must be a duration with a unit, such as 30s, 5m, 2h or 14d")
            return nil
        }
        if positive && s <= 0 { fail(node, "\(what) must be longer than 0"); return nil }
        guard s <= longest else {
            fail(node, "\(what) must be from 0 to \(DurationText.format(longest)), not \(text)")
            return nil
        }
        return s
    }

    func number(_ node: Node, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = node.scalar?.string, let v = Double(text.replacingOccurrences(of: "_", with: "")), v.isFinite else {
            fail(node, "\(what) must be a number")
            return nil
        }
        guard range.contains(v) else { fail(node, "\(what) must be between \(fmt(range.lowerBound)) and \(fmt(range.upperBound)), not \(text)"); return nil }
        return v
    }

    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let v = Int(text.replacingOccurrences(of: "_", with: "")) else {
            fail(node, "\(what) must be a whole number")
            return nil
        }
        guard range.contains(v) else { fail(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(v)"); return nil }
        return v
    }

    func probability(_ node: Node, _ what: String) -> Double? {
        if let text = node.scalar?.string, text.hasSuffix("%"), let v = Double(text.dropLast()) {
            guard (0...100).contains(v) else { fail(node, "\(what) must be between 0% and 100%"); return nil }
            return v / 100
        }
        return number(node, what, in: 0...1)
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard let seq = node.sequence else { fail(node, "\(what) must be a list"); return nil }
        return Array(seq)
    }

    private func fmt(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]; row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
