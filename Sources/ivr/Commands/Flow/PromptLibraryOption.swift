import ArgumentParser
import Foundation
import SoundIO

/// `--prompts DIR`: where the prompt library lives (then `$IVR_PROMPTS`, then `./prompts`).
struct PromptLibraryOption: ParsableArguments {
    @Option(name: .customLong("prompts"), help: ArgumentHelp(
        "Prompt library folder (default: $IVR_PROMPTS, else ./prompts).", valueName: "DIR"))
    var directory: String?

    /// The folder to use and whether the user named it (explicitly or through the environment).
    var resolved: (path: String, explicit: Bool) {
        let environment = ProcessInfo.processInfo.environment
        let explicit = !(directory ?? "").isEmpty || !(environment["IVR_PROMPTS"] ?? "").isEmpty
        return (PromptLibrary.locate(option: directory, environment: environment).folder, explicit)
    }

    /// Prompt names available in the library (`NAME` for `NAME.wav`, `music/NAME` for hold
    /// music files or folders), or nil when there is no library folder.
    func availableNames() throws -> Set<String>? {
        let (path, explicit) = resolved
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if explicit { throw ValidationError("prompt folder '\(path)' does not exist: pass --prompts DIR with the folder holding NAME.wav files") }
            return nil
        }
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".wav") {
            names.insert(String(file.dropLast(4)))
        }
        let music = (path as NSString).appendingPathComponent("music")
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: music)) ?? [] {
            names.insert("music/" + (entry.hasSuffix(".wav") ? String(entry.dropLast(4)) : entry))
        }
        return names
    }

    /// The file of prompt `name`.
    func file(_ name: String) -> String { (resolved.path as NSString).appendingPathComponent(name + ".wav") }
}
