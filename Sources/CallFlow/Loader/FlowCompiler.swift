import Foundation
import Yams

/// Turns a YAML flow into a ``FlowProgram``, reporting every problem at once with line and column.
public enum FlowCompiler {
    /// Compiles `yaml` (named `file` in diagnostics). When `availablePrompts` is given, every
    /// prompt the flow plays must be in it (names without `.wav`).
    public static func compile(yaml: String, file: String, availablePrompts: Set<String>? = nil) -> FlowCompilation {
        let reader = YAMLReader(file: file)
        if let problem = YAMLInputCheck.check(yaml) {
            reader.diagnosticAt(line: problem.line, column: problem.column, problem.message)
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reportYAML(error, reader, text: yaml)
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        } catch {
            reader.error(at: nil, "cannot read the file as YAML: \(error)")
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        }
        guard let root else {
            reader.error(at: nil, "the file is empty: a flow needs `steps:`")
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        }
        if YAMLInputCheck.expandsTooFar(root) {
            reader.error(at: root.mark, YAMLInputCheck.expansionMessage)
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        }
        let defaultName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if case .mapping(let top) = root, top["steps"] == nil,
           top.keys.contains(where: { ["arrivals", "handling", "agents", "patience"].contains($0.string ?? "") }) {
            reader.error(at: root.mark, "this looks like a load scenario (it has arrivals/handling/agents and no steps), not a call flow; run it with `ivr simulate \(file)`")
            return FlowCompilation(program: nil, diagnostics: reader.diagnostics)
        }
        let builder = FlowBuilder(reader: reader, availablePrompts: availablePrompts, defaultName: defaultName)
        builder.build(root)
        let program = reader.hasErrors ? nil : FlowProgram(builder.parts)
        let sorted = reader.diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        return FlowCompilation(program: program, diagnostics: sorted)
    }

    /// Why the flow file at `path` could not be read, and what to do about it.
    static func unreadable(_ path: String) -> String {
        UnreadableFile.reason(path, kind: "flow", hint: ", e.g. flows/store.yaml")
    }

    /// Reads and compiles a flow file.
    public static func compile(fileAt path: String, displayName: String? = nil,
                               availablePrompts: Set<String>? = nil) -> FlowCompilation {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            return FlowCompilation(program: nil, diagnostics: [
                Diagnostic(.error, file: name, line: 1, column: 1, message: unreadable(path))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let problem = YAMLInputCheck.utf8Problem([UInt8](data))
            return FlowCompilation(program: nil, diagnostics: [
                Diagnostic(.error, file: name, line: problem?.line ?? 1, column: problem?.column ?? 1,
                           message: problem?.message ?? "the file is not UTF-8 text")])
        }
        return compile(yaml: text, file: name, availablePrompts: availablePrompts)
    }

    private static func reportYAML(_ error: YamlError, _ reader: YAMLReader, text: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            var hint = ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].contains("\t") {
                hint = "; this line has a tab: YAML indents with spaces only"
            }
            reader.error(at: mark, "YAML syntax: \(problem)\(extra)\(hint)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            let message = "duplicate key \(keys): each key may appear only once in a mapping"
            if let line = secondOccurrence(of: duplicates.first ?? "", after: first, in: text) {
                reader.diagnosticAt(line: line, column: first.column, "\(message) (first on line \(first.line))")
            } else {
                reader.error(at: first, message)
            }
        default:
            reader.error(at: nil, "YAML: \(error)")
        }
    }

    /// Yams reports a duplicate key at its first occurrence; find the next line at the same
    /// indentation with the same key so the message points at the one to remove.
    static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for number in mark.line..<lines.count {
            let line = lines[number]
            let indent = line.prefix(while: { $0 == " " }).count
            if indent + 1 < mark.column { return nil }   // left the mapping
            guard indent + 1 == mark.column, let colon = line.firstIndex(of: ":") else { continue }
            var name = line[line.index(line.startIndex, offsetBy: indent)..<colon].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, let q = name.first, (q == "\"" || q == "'"), name.last == q {
                name = String(name.dropFirst().dropLast())
            }
            if name == key { return number + 1 }
        }
        return nil
    }
}
