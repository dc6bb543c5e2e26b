import Foundation
import Testing

/// What a hostile tester found, run as they ran it: no input crashes `ivr`, refusals say what
/// is wrong and where.
@Suite struct HardeningCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-harden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func gotoChain(_ count: Int) -> String {
        var yaml = "name: long\nsteps:\n"
        for i in 0..<count { yaml += "  s\(i):\n    goto: s\(i + 1)\n" }
        return yaml + "  s\(count):\n    hangup: completed\n"
    }

    /// 50,000 goto steps crashed `flow check`, `call` and `simulate` with SIGSEGV.
    @Test func fiftyThousandStepsAreRefusedNotCrashedOn() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.gotoChain(50_000).write(to: dir.appendingPathComponent("long.yaml"), atomically: true, encoding: .utf8)
        try Self.gotoChain(12_000).write(to: dir.appendingPathComponent("longer-than-allowed.yaml"), atomically: true, encoding: .utf8)
        try "duration: 1h\narrivals: {per_hour: 10}\nagents: {count: 1}\nflow: longer-than-allowed.yaml\n"
            .write(to: dir.appendingPathComponent("sim.yaml"), atomically: true, encoding: .utf8)
        let expected = "long.yaml:20003:3: error: the flow has 50001 steps; at most 10000"
        let check = try IvrBinary.run(["flow", "check", "long.yaml"], in: dir)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix(expected), "\(check.stderr.prefix(300))")
        // `call` and `simulate` load flows the same way (12,000 steps keep this test quick).
        let call = try IvrBinary.run(["call", "longer-than-allowed.yaml", "--keys", "w1"], in: dir)
        #expect(call.status == 1)
        #expect(call.stderr.contains("longer-than-allowed.yaml:20003:3: error: the flow has 12001 steps; at most 10000"), "\(call.stderr.prefix(300))")
        let simulate = try IvrBinary.run(["simulate", "sim.yaml"], in: dir)
        #expect(simulate.status == 1)
        #expect(simulate.stderr.contains("longer-than-allowed.yaml:20003:3: error: the flow has 12001 steps"), "\(simulate.stderr.prefix(300))")
    }

    @Test func nastyFilesGetOneShortLocatedError() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(count: 10_000).write(to: dir.appendingPathComponent("nul.yaml"))
        let nul = try IvrBinary.run(["flow", "check", "nul.yaml"], in: dir)
        #expect(nul.status == 1)
        #expect(nul.stderr.hasPrefix("nul.yaml:1:1: error: control character U+0000 (NUL) is not allowed"), "\(nul.stderr.prefix(200))")
        #expect(nul.stderr.utf8.count < 400)
        #expect(!nul.stderr.utf8.contains(0))
        var latin1 = Data("name: caf".utf8)
        latin1.append(0xE9)                                  // é in Latin-1
        latin1.append(contentsOf: Data("\nsteps: {a: {hangup: completed}}\n".utf8))
        try latin1.write(to: dir.appendingPathComponent("latin1.yaml"))
        let notUTF8 = try IvrBinary.run(["flow", "check", "latin1.yaml"], in: dir)
        #expect(notUTF8.stderr.hasPrefix("latin1.yaml:1:10: error: byte 0xE9 is not UTF-8 text"), "\(notUTF8.stderr)")
        try latin1.write(to: dir.appendingPathComponent("latin1-scenario.yaml"))
        let scenario = try IvrBinary.run(["simulate", "latin1-scenario.yaml"], in: dir)
        #expect(scenario.stderr.hasPrefix("latin1-scenario.yaml:1:10: error: byte 0xE9 is not UTF-8 text"), "\(scenario.stderr)")
        try ("steps: " + String(repeating: "{a: ", count: 300_000) + "\n").write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        let deep = try IvrBinary.run(["flow", "check", "deep.yaml"], in: dir)
        #expect(deep.status == 1)
        #expect(deep.stderr.contains("deep.yaml:1:") && deep.stderr.contains("nest more than 64 levels deep"), "\(deep.stderr.prefix(300))")
        try ("duration: 1d\narrivals: {per_hour: 10}\nagents: {count: 1}\nx:\n" + String(repeating: "- ", count: 200_000) + "\n")
            .write(to: dir.appendingPathComponent("deep-sim.yaml"), atomically: true, encoding: .utf8)
        let sim = try IvrBinary.run(["simulate", "deep-sim.yaml"], in: dir)
        #expect(sim.status == 1)
        #expect(sim.stderr.contains("nest more than 64 levels deep"), "\(sim.stderr.prefix(300))")
    }

    @Test func idsMustBePositiveNumbers() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let negative = try IvrBinary.run(["voicemail", "export", "-1", "-o", "x.wav", "--data", dir.path])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("'-1' is not an id: ids are positive numbers like 12"), "\(negative.stderr)")
        let zero = try IvrBinary.run(["voicemail", "export", "0", "-o", "x.wav", "--data", dir.path])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("the voicemail id must be a positive number like 12, not '0'"), "\(zero.stderr)")
        let callback = try IvrBinary.run(["callback", "show", "abc", "--data", dir.path])
        #expect(callback.stderr.contains("the callback id must be a positive number like 12, not 'abc'"), "\(callback.stderr)")
    }

    @Test func lineKeysAreCheckedBeforeSending() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spaced = try IvrBinary.run(["line", "key", "line1", "12 34", "--data", dir.path])
        #expect(spaced.status == 64)
        #expect(spaced.stderr.contains("keys '12 34' contain spaces: send them as one word (e.g. 1234)"), "\(spaced.stderr)")
        let empty = try IvrBinary.run(["line", "key", "line1", "", "--data", dir.path])
        #expect(empty.stderr.contains("no keys given"), "\(empty.stderr)")
        let long = try IvrBinary.run(["line", "key", "line1", String(repeating: "1", count: 2000) + "#", "--data", dir.path])
        #expect(long.stderr.contains("2001 keys in one command; at most 256"), "\(long.stderr)")
    }

    @Test func namesAndNumbersThatMeanSomethingElseAreRefused() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let agent = try IvrBinary.run(["agent", "add", "NONE", "--name", "Nobody", "--data", dir.path])
        #expect(agent.status != 0)
        #expect(agent.stderr.contains("'NONE' cannot be an agent id"), "\(agent.stderr)")
        let callback = try IvrBinary.run(["callback", "request", "+999 1234 5678", "--data", dir.path])
        #expect(callback.status != 0)
        #expect(callback.stderr.contains("no country has the code +999"), "\(callback.stderr)")
        let list = try IvrBinary.run(["callback", "list", "--data", dir.path])
        #expect(!list.stdout.contains("+99912345678"))
    }

    @Test func impossibleDatesAreRefused() throws {
        let at = try IvrBinary.run(["call", "flows/store.yaml", "--keys", "w1", "--at", "2026-02-30T10:00"], in: Self.root)
        #expect(at.status == 64)
        #expect(at.stderr.contains("--at '2026-02-30T10:00' is not a date: February 2026 has 28 days, not 30"), "\(at.stderr)")
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try IvrBinary.run(["callback", "list", "--data", dir.path, "--at", "2026-02-30T10:00:00Z"])
        #expect(store.status == 64)
        #expect(store.stderr.contains("--at '2026-02-30T10:00:00Z' is not a date: February 2026 has 28 days, not 30"), "\(store.stderr)")
    }

    @Test func theTextReportShowsIntervalsOnlyWhenAsked() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "duration: 2d\nstart: 2026-11-23T00:00\narrivals: {per_hour: 20}\nagents: {count: 3}\n"
            .write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let plain = try IvrBinary.run(["simulate", "s.yaml", "--quiet"], in: dir)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Per day"))
        #expect(!plain.stdout.contains("-minute interval"))
        let bare = try IvrBinary.run(["simulate", "s.yaml", "--intervals"], in: dir)
        #expect(bare.stdout.contains("Per 30-minute interval"), "\(bare.stderr)")
        let before = try IvrBinary.run(["simulate", "--intervals", "s.yaml"], in: dir)
        #expect(before.stdout == bare.stdout)
        let all = try IvrBinary.run(["simulate", "s.yaml", "--intervals", "all"], in: dir)
        #expect(all.stdout.split(separator: "\n").count > bare.stdout.split(separator: "\n").count - 1)
    }
}
