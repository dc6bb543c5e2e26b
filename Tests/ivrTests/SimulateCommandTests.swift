import Foundation
import Testing

/// `ivr simulate` and `ivr erlang`, run as a user would.
@Suite struct SimulateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let small = """
    name: small
    duration: 1d
    arrivals: {per_hour: 30}
    handling: {dist: exponential, mean: 4m}
    patience: {dist: exponential, mean: 2m}
    agents: {count: 3}
    """

    @Test func erlangPrintsTheFieldCheck() throws {
        let r = try IvrBinary.run(["erlang", "--rate-per-hour", "1000", "--aht", "120", "--agents", "40", "--target", "20"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("service level     93.7%"))
        #expect(lines.contains("ASA                3.4s"))
        #expect(lines.contains("occupancy         83.3%"))
    }

    @Test func erlangStaffFindsAgents() throws {
        let r = try IvrBinary.run(["erlang", "staff", "--rate-per-hour", "1000", "--aht", "2m", "--target", "20s",
                                   "--service-level", "0.8", "--json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let c = json?["erlang_c"] as? [String: Any]
        #expect(c?["agents"] as? Int == 38)
        #expect(json?["erlang_a"] is NSNull)
    }

    @Test func sameSeedGivesTheSameBytes() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.small.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let a = try IvrBinary.run(["simulate", "s.yaml", "--json", "--no-timing", "--seed", "5"], in: dir)
        let b = try IvrBinary.run(["simulate", "s.yaml", "--json", "--no-timing", "--seed", "5"], in: dir)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.contains("wall_s"))
        let t1 = try IvrBinary.run(["simulate", "s.yaml", "--html", "r.html", "--csv", "csv"], in: dir)
        let t2 = try IvrBinary.run(["simulate", "s.yaml"], in: dir)
        #expect(t1.stdout == t2.stdout)
        #expect(t1.stdout.contains("service level (20s)"))
        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\""))        // self-contained: nothing loaded from elsewhere
        let csv = try String(contentsOf: dir.appendingPathComponent("csv/intervals.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 49)      // header + 48 half-hours
    }

    @Test func badScenarioListsEveryProblemAndExitsOne() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "duration: 14\narrivals: {per_hour: 10}\nagents: {count: 3, shifts: 2}\n"
            .write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["simulate", "bad.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").map(String.init) == [
            "bad.yaml:1:11: error: duration must be a duration with a unit, such as 30s, 5m, 2h or 14d",
            "bad.yaml:3:20: error: unknown key 'shifts' in agents (did you mean 'skills'?); known keys: count, schedule, skills, days, no_answer, groups",
        ])
    }

    @Test func storeWeekRuns() throws {
        let r = try IvrBinary.run(["simulate", "examples/store-week.yaml", "--intervals", "none"], in: Self.root)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Scenario store-week: 7d from 2026-11-23 00:00 Europe/London"))
        #expect(r.stdout.contains("Per queue\nqueue "))
    }

    @Test func erlangRefusesAbsurdLoads() throws {
        let rate = try IvrBinary.run(["erlang", "--rate-per-hour", "1e12", "--aht", "120", "--agents", "10"])
        #expect(rate.status == 64)
        #expect(rate.stderr.contains("above the 100000 Erlangs"), "\(rate.stderr)")
        let agents = try IvrBinary.run(["erlang", "--rate-per-hour", "100", "--aht", "120", "--agents", "100001"])
        #expect(agents.status == 64)
        #expect(agents.stderr.contains("--agents must be from 1 to 100000"), "\(agents.stderr)")
        let level = try IvrBinary.run(["erlang", "staff", "--rate-per-hour", "100", "--aht", "120", "--service-level", "1"])
        #expect(level.status == 64)
        #expect(level.stderr.contains("--service-level must be above 0 and below 1"), "\(level.stderr)")
        let target = try IvrBinary.run(["erlang", "--rate-per-hour", "100", "--aht", "120", "--agents", "3", "--target", "inf"])
        #expect(target.status == 64)
        #expect(target.stderr.contains("--target must be a finite duration"), "\(target.stderr)")
    }

    @Test func erlangJSONSaysWhyThereIsNoAnswer() throws {
        let r = try IvrBinary.run(["erlang", "--rate-per-hour", "1000", "--aht", "120s", "--agents", "10",
                                   "--target", "20s", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let c = json?["erlang_c"] as? [String: Any]
        #expect(c?["stable"] as? Bool == false)
        #expect((c?["reason"] as? String)?.contains("offered load 33.3 Erlangs ≥ 10 agents") == true, "\(r.stdout)")
        #expect(json?["erlang_a"] is NSNull)
        let stable = try IvrBinary.run(["erlang", "--rate-per-hour", "1000", "--aht", "120s", "--agents", "40", "--json"])
        let s = try JSONSerialization.jsonObject(with: Data(stable.stdout.utf8)) as? [String: Any]
        #expect((s?["erlang_c"] as? [String: Any])?["stable"] == nil)
        #expect((s?["erlang_c"] as? [String: Any])?["agents"] as? Int == 40)
    }

    @Test func unwritableOutputsAreRefusedBeforeSimulating() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.small.write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let html = try IvrBinary.run(["simulate", "s.yaml", "--quiet", "--html", "nonexist/x.html"], in: dir)
        #expect(html.status == 64)
        #expect(html.stdout.isEmpty)                       // refused before the simulation ran
        #expect(html.stderr.contains("the folder 'nonexist' does not exist"), "\(html.stderr)")
        try "x".write(to: dir.appendingPathComponent("plain"), atomically: true, encoding: .utf8)
        let csv = try IvrBinary.run(["simulate", "s.yaml", "--quiet", "--csv", "plain/out"], in: dir)
        #expect(csv.status == 64)
        #expect(csv.stdout.isEmpty)
        #expect(csv.stderr.contains("cannot create the folder 'plain/out'"), "\(csv.stderr)")
    }
}
