import Foundation
import Testing

@Suite("ivr dtmf generate/decode, run as a user would")
struct DTMFCommandTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dtmfcmd-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func generateThenDecodeRoundTrips() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try IvrBinary.run(["dtmf", "generate", "123A456B789C*0#D", "-o", "keys.wav"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.isEmpty)
        let heard = try IvrBinary.run(["dtmf", "decode", "keys.wav"], in: dir)
        #expect(heard.status == 0, "\(heard.stderr)")
        #expect(heard.stdout == "123A456B789C*0#D\n")
    }

    @Test func decodesOtherRatesWithTimestamps() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try IvrBinary.run(["dtmf", "generate", "90#", "-o", "k.wav", "--rate", "44100",
                                      "--tone-ms", "50", "--gap-ms", "50", "--level-dbm0", "-24", "--twist-db", "-6"],
                                     in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let heard = try IvrBinary.run(["dtmf", "decode", "k.wav", "--timestamps"], in: dir)
        #expect(heard.stdout == "90#\n9 0.000 0.050\n0 0.100 0.150\n# 0.200 0.250\n", "\(heard.stderr)")
    }

    @Test func badInputGetsAClearError() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let badKey = try IvrBinary.run(["dtmf", "generate", "12x", "-o", "k.wav"], in: dir)
        #expect(badKey.status != 0)
        #expect(badKey.stderr.contains("'x' (character 3) is not a DTMF key"))
        let missing = try IvrBinary.run(["dtmf", "decode", "missing.wav"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("missing.wav"))
    }

    @Test func emptyKeysAreRefusedAsUsage() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try IvrBinary.run(["dtmf", "generate", "", "-o", "e.wav"], in: dir)
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("0-9 * # A-D"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("e.wav").path))
    }

    @Test func rangeMessagesStateTheRealRange() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zero = try IvrBinary.run(["dtmf", "generate", "1", "-o", "z.wav", "--tone-ms", "0"], in: dir)
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--tone-ms must be above 0 and at most 60000"), "\(zero.stderr)")
        let rate = try IvrBinary.run(["dtmf", "generate", "1", "-o", "r.wav", "--rate", "3999"], in: dir)
        #expect(rate.status == 64)
        #expect(rate.stderr.contains("--rate must be from 4000 to 192000 Hz"), "\(rate.stderr)")
    }

    @Test func gapsUnderTheQ24MinimumWarn() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let short = try IvrBinary.run(["dtmf", "generate", "11", "-o", "g.wav", "--gap-ms=0"], in: dir)
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stderr.contains("warning: --gap-ms 0 is under the 40 ms minimum pause"), "\(short.stderr)")
        let normal = try IvrBinary.run(["dtmf", "generate", "11", "-o", "n.wav", "--gap-ms=40"], in: dir)
        #expect(normal.status == 0)
        #expect(normal.stderr.isEmpty, "\(normal.stderr)")
    }
}
