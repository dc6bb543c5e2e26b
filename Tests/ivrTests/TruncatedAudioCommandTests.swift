import Foundation
import Testing

/// A file whose header promises more audio than it holds (a copy cut short): `ivr dtmf decode`
/// and `ivr audio info` warn, `ivr prompt import` refuses unless `--force`.
@Suite("Truncated sound files, run as a user would")
struct TruncatedAudioCommandTests {
    /// A folder with `full.wav` (keys "1", 0.56 s, 9,044 bytes) and `cut.wav`, its first 1,000 bytes.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        let made = try IvrBinary.run(["dtmf", "generate", "1", "-o", "full.wav", "--tone-ms", "400", "--gap-ms", "80"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let full = try Data(contentsOf: dir.appendingPathComponent("full.wav"))
        #expect(full.count > 4000)
        try full.prefix(1000).write(to: dir.appendingPathComponent("cut.wav"))
        return dir
    }

    @Test func decodeWarnsAboutTheMissingEnd() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = try IvrBinary.run(["dtmf", "decode", "cut.wav"], in: dir)
        #expect(cut.status == 0)
        #expect(cut.stderr.contains("cut.wav: warning: the file is truncated: its header promises"), "\(cut.stderr)")
        #expect(cut.stderr.contains("(478 frames)"), "\(cut.stderr)")
        let full = try IvrBinary.run(["dtmf", "decode", "full.wav"], in: dir)
        #expect(full.stdout == "1\n")
        #expect(full.stderr.isEmpty, "\(full.stderr)")
    }

    @Test func audioInfoWarns() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = try IvrBinary.run(["audio", "info", "cut.wav"], in: dir)
        #expect(cut.status == 0)
        #expect(cut.stdout.contains("frames:        478"), "\(cut.stdout)")
        #expect(cut.stderr.contains("warning: the file is truncated"), "\(cut.stderr)")
        let full = try IvrBinary.run(["audio", "info", "full.wav"], in: dir)
        #expect(full.stderr.isEmpty, "\(full.stderr)")
    }

    @Test func importRefusesUnlessForced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try IvrBinary.run(["prompt", "import", "cut.wav", "greeting", "--prompts", "prompts"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cut.wav: error: the file is truncated"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        let prompt = dir.appendingPathComponent("prompts/greeting.wav")
        #expect(!FileManager.default.fileExists(atPath: prompt.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("prompts").path).isEmpty)
        let forced = try IvrBinary.run(["prompt", "import", "cut.wav", "greeting", "--prompts", "prompts", "--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("warning: the file is truncated"), "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: prompt.path))
        let whole = try IvrBinary.run(["prompt", "import", "full.wav", "other", "--prompts", "prompts"], in: dir)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stderr.isEmpty, "\(whole.stderr)")
    }
}
