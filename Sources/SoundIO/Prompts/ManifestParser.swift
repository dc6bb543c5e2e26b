import Foundation
import Yams

/// Walks a composed manifest YAML tree, checking each field and remembering where it was.
struct ManifestParser {
    let path: String

    func manifest(_ root: Node) throws(PromptLibraryError) -> PromptManifest {
        guard let mapping = root.mapping else {
            throw fail(root, "expected a mapping with a 'prompts:' list at the top")
        }
        for key in mapping.keys where key.string != "prompts" {
            throw fail(key, "unknown key '\(key.string ?? "?")'; the manifest has only 'prompts:'")
        }
        guard let list = mapping["prompts"] else { return PromptManifest() }
        if let scalar = list.scalar, ["", "~", "null"].contains(scalar.string) {
            return PromptManifest()
        }
        guard let sequence = list.sequence else {
            throw fail(list, "'prompts' must be a list of {name, text} entries")
        }
        var entries: [PromptManifest.Entry] = []
        var seen: [PromptName: Int] = [:]
        for item in sequence {
            let entry = try self.entry(item)
            if let first = seen[entry.name] {
                throw fail(item, "prompt '\(entry.name)' is listed twice (first on line \(first))")
            }
            seen[entry.name] = entry.line
            entries.append(entry)
        }
        return PromptManifest(entries: entries)
    }

    private func entry(_ item: Node) throws(PromptLibraryError) -> PromptManifest.Entry {
        guard let fields = item.mapping else {
            throw fail(item, "each prompt is a mapping like '- name: greeting' with a 'text:'")
        }
        for key in fields.keys where !["name", "text"].contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "?")' in a prompt; use 'name' and 'text'")
        }
        guard let nameNode = fields["name"], let nameText = nameNode.string else {
            throw fail(item, "this prompt has no 'name:'")
        }
        guard let name = PromptName(nameText) else { throw fail(nameNode, PromptName.rule(for: nameText)) }
        guard let textNode = fields["text"], let text = textNode.string,
              !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw fail(item, "prompt '\(name)' has no 'text:' (the words to record)")
        }
        return PromptManifest.Entry(name: name, text: text, line: item.mark?.line ?? 0)
    }

    private func fail(_ node: Node, _ message: String) -> PromptLibraryError {
        .manifest(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
    }

    static func error(from error: YamlError, path: String) -> PromptLibraryError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .manifest(path: path, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return .manifest(path: path, line: 0, column: 0, message: "YAML: \(error)")
        }
    }
}

