import Foundation

/// The prompts folder: `<name>.wav` files (WAV PCM-16 mono 8 kHz), `manifest.yaml`, and
/// `.backup/` where earlier takes are kept instead of being overwritten.
public struct PromptLibrary: Sendable {
    /// The folder's path.
    public let folder: String

    /// A library in `folder`.
    public init(folder: String) { self.folder = folder }

    /// Where the prompts are: `--prompts DIR` if given, then `$IVR_PROMPTS`, then `./prompts`.
    public static func locate(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> PromptLibrary {
        if let option, !option.isEmpty { return PromptLibrary(folder: option) }
        if let fromEnvironment = environment["IVR_PROMPTS"], !fromEnvironment.isEmpty {
            return PromptLibrary(folder: fromEnvironment)
        }
        return PromptLibrary(folder: "prompts")
    }

    /// `manifest.yaml` in the folder.
    public var manifestPath: String { (folder as NSString).appendingPathComponent("manifest.yaml") }

    /// `.backup/` in the folder, where replaced takes go.
    public var backupFolder: String { (folder as NSString).appendingPathComponent(".backup") }

    /// The file of prompt `name`.
    public func path(for name: PromptName) -> String {
        (folder as NSString).appendingPathComponent(name.fileName)
    }

    /// Throws `.noFolder` unless the folder exists.
    public func checkFolder() throws(PromptLibraryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(path: folder)
        }
    }

    /// The manifest; an empty one when the folder has no `manifest.yaml`.
    public func manifest() throws(PromptLibraryError) -> PromptManifest {
        guard FileManager.default.fileExists(atPath: manifestPath) else { return PromptManifest() }
        return try PromptManifest.load(manifestPath)
    }

    /// Names of the `.wav` files in the folder that are valid prompt names, sorted.
    public func recordedNames() throws(PromptLibraryError) -> [PromptName] {
        try checkFolder()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.compactMap { file in
            guard file.hasSuffix(".wav") else { return nil }
            return PromptName(String(file.dropLast(4)))
        }.sorted()
    }

    /// Prompt `name` as engine audio.
    public func load(_ name: PromptName) throws(PromptLibraryError) -> [Int16] {
        let path = path(for: name)
        guard FileManager.default.fileExists(atPath: path) else { throw .missingPrompt(name: name.value, path: path) }
        do { return try SoundFile.read(path) } catch { throw .sound(error) }
    }
}
