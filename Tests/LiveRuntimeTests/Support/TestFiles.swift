import ChildProcesses
import Foundation
import SoundIO

/// A fresh directory under the system temp folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init(_ label: String = "live") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The project's own files: the store flow and its prompts.
enum Project {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var storeFlow: String { root.appendingPathComponent("flows/store.yaml").path }
    static var prompts: String { root.appendingPathComponent("prompts").path }
}

/// Raw S16_LE files for alsa-lib's `file` plugin.
enum RawFile {
    static func write(_ samples: [Int16], to path: String) throws {
        let data = samples.withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [Int16] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }
}

/// Real speech for tests, made by espeak-ng and read back through SoundIO.
enum Speech {
    static func say(_ text: String, in dir: TemporaryDirectory) throws -> [Int16] {
        let path = dir.path("speech-\(UUID().uuidString).wav")
        let espeak = try ChildProcess("/usr/bin/env", ["espeak-ng", "-w", path, text], stdout: .inherit, stderr: .inherit)
        _ = espeak.wait(seconds: 120) ?? espeak.stop(SIGKILL)
        return try SoundFile.read(path)
    }
}

/// Finds audio inside other audio, sample for sample (the line copies prompts verbatim).
enum Locate {
    /// The first index at or after `from` where `needle` (from its first non-silent sample,
    /// `length` samples) appears exactly in `haystack`; returns the index of needle[0].
    static func find(_ needle: [Int16], in haystack: [Int16], from: Int = 0, length: Int = 800) -> Int? {
        guard let lead = needle.firstIndex(where: { abs(Int($0)) > 64 }) else { return nil }
        let count = min(length, needle.count - lead)
        var index = max(from + lead, lead)
        while index + count <= haystack.count {
            if haystack[index] == needle[lead] {
                var match = true
                for k in 0..<count where haystack[index + k] != needle[lead + k] { match = false; break }
                if match { return index - lead }
            }
            index += 1
        }
        return nil
    }

    /// How many samples of `needle` match `haystack` from `start` before they first differ.
    static func matchingLength(_ needle: [Int16], in haystack: [Int16], at start: Int) -> Int {
        var count = 0
        while count < needle.count, start + count < haystack.count, haystack[start + count] == needle[count] { count += 1 }
        return count
    }
}
