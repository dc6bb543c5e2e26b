import Foundation
import Yams

/// `prompts/manifest.yaml`: every prompt the IVR may play and the words to record for it.
///
/// ```yaml
/// prompts:
///   - name: greeting
///     text: "Thank you for calling ..."
/// ```
public struct PromptManifest: Sendable, Equatable {
    /// One prompt's entry.
    public struct Entry: Sendable, Equatable {
        /// The prompt's name (its file is `<name>.wav`).
        public var name: PromptName
        /// What the speaker should say.
        public var text: String
        /// The line of the entry in the manifest, for messages.
        public var line: Int

        /// An entry.
        public init(name: PromptName, text: String, line: Int = 0) {
            self.name = name
            self.text = text
            self.line = line
        }
    }

    /// Entries in file order.
    public var entries: [Entry]

    /// A manifest holding `entries`.
    public init(entries: [Entry] = []) { self.entries = entries }

    /// The entry for `name`, if listed.
    public func entry(_ name: PromptName) -> Entry? { entries.first { $0.name == name } }

    /// Reads and checks a manifest file; errors name the file, line and column.
    public static func load(_ path: String) throws(PromptLibraryError) -> PromptManifest {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .manifest(path: path, line: 0, column: 0, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, path: path)
    }

    /// Parses manifest text; `path` is only used in messages.
    public static func parse(_ yaml: String, path: String) throws(PromptLibraryError) -> PromptManifest {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw ManifestParser.error(from: error, path: path)
        } catch {
            throw .manifest(path: path, line: 0, column: 0, message: "\(error)")
        }
        guard let root else { return PromptManifest() }
        return try ManifestParser(path: path).manifest(root)
    }
}
