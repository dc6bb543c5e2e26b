import Foundation
import Testing

/// Every routing strategy, chosen in a scenario's `queues:`, reaches the simulator and shows in
/// the per-agent table (`ivr simulate --json`, field `agents`).
@Suite struct SimulateStrategyTests {
    /// Six agents, a light load: who takes the calls depends only on the strategy.
    static func scenario(_ strategy: String, levels: Bool = false) -> String {
        let agents = levels
            ? "agents:\n  groups:\n    - {name: first, count: 2, skills: {main: 1}}\n    - {name: second, count: 4, skills: {main: 2}}\n"
            : "agents: {count: 6}\n"
        return """
        name: strategies
        duration: 2d
        seed: 3
        arrivals: {per_hour: 40}
        handling: {dist: exponential, mean: 3m}
        queues: {main: {strategy: \(strategy), wrap_up: 10s}}
        \(agents)
        """
    }

    struct Agent { let id: String; let calls: Double; let talk: Double; let occupancy: Double }

    static func agents(_ strategy: String, levels: Bool = false) throws -> (agents: [Agent], answered: Double) {
        let dir = try SimulateCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try scenario(strategy, levels: levels).write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["simulate", "s.yaml", "--json", "--no-timing"], in: dir)
        #expect(r.status == 0, "\(strategy): \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["agents"] as? [[String: Any]], "\(strategy): no agents in \(r.stdout.prefix(300))")
        let agents = rows.map { Agent(id: $0["id"] as? String ?? "", calls: $0["calls"] as? Double ?? -1,
                                      talk: $0["talk_s"] as? Double ?? -1, occupancy: $0["occupancy"] as? Double ?? -1) }
        return (agents, json["answered"] as? Double ?? -1)
    }

    @Test func everyStrategyIsReachableAndCountsEveryAnsweredCall() throws {
        var byStrategy: [String: [Double]] = [:]
        for strategy in ["longest-idle", "round-robin", "fewest-calls", "least-talk-time", "linear", "random", "ring-all"] {
            let (agents, answered) = try Self.agents(strategy)
            #expect(agents.count == 6, "\(strategy)")
            #expect(agents.map(\.calls).reduce(0, +) == answered, "\(strategy): every answered call is some agent's")
            #expect(agents.allSatisfy { $0.occupancy >= 0 && $0.occupancy <= 1 && $0.talk >= 0 }, "\(strategy)")
            byStrategy[strategy] = agents.map(\.calls)
        }
        let linear = try #require(byStrategy["linear"])
        #expect(linear[0] > 3 * linear[5], "linear: the first member takes most calls: \(linear)")
        let fewest = try #require(byStrategy["fewest-calls"])
        #expect(fewest.max()! - fewest.min()! <= 3, "fewest-calls evens the counts: \(fewest)")
        let roundRobin = try #require(byStrategy["round-robin"])
        let mean = roundRobin.reduce(0, +) / 6
        #expect(roundRobin.max()! - roundRobin.min()! <= 0.15 * mean, "round-robin takes turns (busy members miss theirs): \(roundRobin)")
        for spread in ["longest-idle", "random", "ring-all", "least-talk-time"] {
            let calls = try #require(byStrategy[spread])
            #expect(calls.min()! > linear[5], "\(spread) spreads calls more than linear: \(calls) vs \(linear)")
        }
        #expect(byStrategy["ring-all"] != byStrategy["longest-idle"], "ring-all is not the default")
    }

    @Test func skillsPrefersLevelOne() throws {
        let (agents, _) = try Self.agents("skills", levels: true)
        let first = agents.filter { $0.id.hasPrefix("first") }.map(\.calls).reduce(0, +)
        let second = agents.filter { $0.id.hasPrefix("second") }.map(\.calls).reduce(0, +)
        #expect(first > second, "level-1 agents take most calls: \(first) vs \(second)")
    }

    @Test func anUnknownStrategyIsALocatedErrorNamingTheValidOnes() throws {
        let dir = try SimulateCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.scenario("ringall").write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["simulate", "s.yaml"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("s.yaml:6:27: error: "), "FILE:LINE:COLUMN of the value: \(r.stderr)")
        #expect(r.stderr.contains("error: queues.main.strategy: unknown strategy 'ringall'; valid: "
                                  + "longest-idle, round-robin, fewest-calls, least-talk-time, linear, random, skills, ring-all"),
                "\(r.stderr)")
    }

    @Test func theTextReportHasAPerAgentTable() throws {
        let dir = try SimulateCommandTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.scenario("round-robin").write(to: dir.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let r = try IvrBinary.run(["simulate", "s.yaml", "--intervals", "none", "--csv", "csv", "--html", "r.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Per agent (calls answered, talk time, occupancy = busy / staffed)\nagent "), "\(r.stdout)")
        #expect(r.stdout.contains("\nagents-6 "), "\(r.stdout)")
        let csv = try String(contentsOf: dir.appendingPathComponent("csv/agents.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("agent,group,calls,callbacks,talk_s,staffed_s,occupancy\nagents-1,agents,"), "\(csv)")
        #expect(csv.split(separator: "\n").count == 7)
        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<h2>Per agent</h2>"))
    }
}
