import Yams

/// Reads a Yams node tree while collecting diagnostics with line and column.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ node: Node?, _ message: String) { report(.error, node?.mark, message) }
    func warning(_ node: Node?, _ message: String) { report(.warning, node?.mark, message) }
    func error(at mark: Mark?, _ message: String) { report(.error, mark, message) }
    func warning(at mark: Mark?, _ message: String) { report(.warning, mark, message) }

    func diagnosticAt(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, message: message))
    }

    func report(_ severity: Diagnostic.Severity, _ mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(severity, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      message: message))
    }

    /// The pairs of a mapping as (key text, key node, value node); reports non-mappings.
    /// YAML merge keys (`<<: *defaults`) are expanded; keys written in the mapping win.
    func pairs(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of `name: value` lines")
            return nil
        }
        var own: [(key: String, keyNode: Node, value: Node)] = []
        var merged: [(key: String, keyNode: Node, value: Node)] = []
        var mergedKeys = Set<String>()
        for (key, value) in mapping {
            guard key.string == "<<" else { own.append((key.string ?? "", key, value)); continue }
            let sources: [Node]
            if case .sequence(let list) = value { sources = Array(list) } else { sources = [value] }
            for source in sources {
                guard case .mapping(let inner) = source else {
                    error(source, "`<<` merges a mapping (e.g. `<<: *defaults`), not a single value or list of values")
                    continue
                }
                for (innerKey, innerValue) in inner where mergedKeys.insert(innerKey.string ?? "").inserted {
                    merged.append((innerKey.string ?? "", innerKey, innerValue))
                }
            }
        }
        let written = Set(own.map(\.key))
        return own + merged.filter { !written.contains($0.key) }
    }

    /// A scalar as text; reports sequences and mappings.
    func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "\(what) must be true or false, not '\(text)'")
            return nil
        }
    }

    func int(_ node: Node, _ what: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            error(node, "\(what) must be a whole number, not '\(text)'")
            return nil
        }
        guard range.contains(value) else {
            error(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }

    /// A duration with units (`5s`, `2m`); reports bad text, negatives and more than a day.
    func duration(_ node: Node, _ what: String, allowZero: Bool = false) -> Double? {
        guard let text = string(node, what) else { return nil }
        guard let seconds = DurationParser.seconds(text) else {
            error(node, "\(what) '\(text)' is not a duration: write it with a unit, e.g. 5s, 2m or 1h")
            return nil
        }
        if seconds < 0 || (!allowZero && seconds == 0) {
            error(node, "\(what) must be more than 0\(allowZero ? " (or 0 to turn it off)" : ""), not '\(text)'")
            return nil
        }
        if seconds > 86_400 {
            error(node, "\(what) '\(text)' is longer than a day: no call lasts that long")
            return nil
        }
        return seconds
    }

    /// A scalar or a list of scalars.
    func strings(_ node: Node, _ what: String) -> [(String, Node)] {
        switch node {
        case .scalar(let scalar): return [(scalar.string, node)]
        case .sequence(let sequence):
            return sequence.compactMap { item in string(item, what).map { ($0, item) } }
        default:
            error(node, "\(what) must be a name or a list of names")
            return []
        }
    }
}
