import Foundation
import Testing
@testable import LoadSim

struct ScenarioLoaderTests {
    func parse(_ text: String) throws -> Scenario {
        try ScenarioLoader.parse(text, file: "test.yaml", baseDirectory: "/tmp")
    }

    func errors(_ text: String) -> [String] {
        do { _ = try parse(text); return [] } catch let e as ScenarioErrors { return e.errors.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func issueExampleReads() throws {
        let s = try parse("""
        name: monday
        duration: 14d                 # arrivals happen in [0, duration)
        seed: 1
        target_answer: 20s
        arrivals:
          per_hour: 360
        handling: {dist: lognormal, mean: 300s, cv: 0.6}
        patience: {dist: exponential, mean: 120s}
        agents:
          count: 32
        """)
        #expect(s.name == "monday")
        #expect(s.duration == 14 * 86_400)
        #expect(s.targetAnswer == 20)
        #expect(s.arrivals == .constant(perHour: 360))
        #expect(s.handling == .lognormal(mean: 300, cv: 0.6))
        #expect(s.patience == .exponential(mean: 120))
        #expect(s.agents == [AgentGroup(name: "agents", skills: [:], staffing: .count(32))])
        #expect(s.flowPath == nil)
    }

    @Test func hourlyScheduleAndGroups() throws {
        let rates = (0..<24).map { String($0 * 10) }.joined(separator: ", ")
        let s = try parse("""
        duration: 7d
        start: 2026-11-23T08:30
        timezone: Europe/London
        arrivals: {per_hour_by_hour: [\(rates)], weekday_factors: [1.2, 1, 1, 1, 1, 0.5, 0.2]}
        agents:
          groups:
            - {name: orders, skills: {orders: 1, general: 2}, schedule: [[0, 1], [8.5, 6], [17, 2]]}
            - {name: floaters, count: 2}
        """)
        guard case .hourly(let perHour, let factors) = s.arrivals else { Issue.record("not hourly"); return }
        #expect(perHour[23] == 230)
        #expect(factors[5] == 0.5)
        #expect(s.agents.count == 2)
        #expect(s.agents[0].skills == ["orders": 1, "general": 2])
        #expect(s.agents[0].staffing == .schedule([ShiftStep(hour: 0, count: 1), ShiftStep(hour: 8.5, count: 6), ShiftStep(hour: 17, count: 2)]))
        #expect(s.startSecondOfDay == 8.5 * 3600)
        #expect(s.startWeekday == 0)
    }

    @Test func unknownKeyNamesLineAndSuggestion() {
        let e = errors("""
        duration: 1d
        arrivals: {per_hour: 10}
        pateince: {dist: exponential, mean: 60s}
        """)
        #expect(e == ["test.yaml:3:1: error: unknown key 'pateince' in the scenario (did you mean 'patience'?); known keys: "
                      + ScenarioLoader.topKeys.joined(separator: ", ")])
    }

    @Test func everyBadValueIsReportedAtOnce() {
        let e = errors("""
        duration: 14
        arrivals:
          per_hour: lots
        handling: {dist: normal, mean: 5m}
        agents: {count: -3}
        interval: 20m
        """)
        #expect(e.count == 5)
        #expect(e[0].hasPrefix("test.yaml:1:11: error: duration must be a duration with a unit"))
        #expect(e[1].hasPrefix("test.yaml:3:13: error: arrivals.per_hour must be a number"))
        #expect(e[2].hasPrefix("test.yaml:4:18: error: handling.dist must be exponential"))
        #expect(e[3].hasPrefix("test.yaml:5:17: error: agents count must be between 0 and 100000"))
        #expect(e[4].hasPrefix("test.yaml:6:11: error: interval must be 15m, 30m or 60m"))
    }

    @Test func missingArrivalsAndWrongDistributionKeys() {
        let e = errors("""
        duration: 1d
        handling: {dist: exponential, mean: 5m, cv: 0.3}
        schedule: []
        """)
        #expect(e.contains { $0.hasPrefix("test.yaml:1:1: error: the scenario needs 'arrivals'") })
        #expect(e.contains { $0.hasPrefix("test.yaml:2:45: error: 'cv' does not apply to exponential") })
        #expect(e.contains { $0.hasPrefix("test.yaml:3:1: error: unknown key 'schedule'") })
    }

    @Test func scheduleMustRise() {
        let e = errors("""
        arrivals: {per_hour: 10}
        agents: {schedule: [[9, 3], [8, 2]]}
        """)
        #expect(e.count == 1)
        #expect(e.first?.hasPrefix("test.yaml:2:30: error: schedule hours must rise") == true)
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let e = errors("arrivals: {per_hour: 10\nduration: 1d\n")
        #expect(e.count == 1)
        #expect(e.first?.hasPrefix("test.yaml:") == true)
        #expect(e.first?.contains("error: YAML:") == true)
    }

    @Test func empiricalReadsACSVOfSeconds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loadsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "seconds\n120\n240,x\n60\n".write(to: dir.appendingPathComponent("aht.csv"), atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.parse("arrivals: {per_hour: 10}\nhandling: {dist: empirical, file: aht.csv}\n",
                                         file: "t.yaml", baseDirectory: dir.path)
        #expect(s.handling == .empirical([120, 240, 60]))
    }

    @Test func callersAndCallbacks() throws {
        let s = try parse("""
        arrivals: {per_hour: 10}
        callers:
          key_latency: {dist: fixed, value: 2s}
          menus: {main-menu: {"1": 0.5, "2": 0.3, "0": 0.2}}
          voicemail_when_offered: 10%
          callback_when_offered: 0.25
          redial: {probability: 0.4, after: {dist: exponential, mean: 10m}}
        callbacks: {reach_rate: 0.8, handling: {dist: fixed, value: 3m}}
        """)
        #expect(s.callers.keyLatency == .fixed(2))
        #expect(s.callers.menuChoices["main-menu"]?.map(\.keys).sorted() == ["0", "1", "2"])
        #expect(s.callers.voicemailWhenOffered == 0.1)
        #expect(s.callers.redialProbability == 0.4)
        #expect(s.callbacks.reachRate == 0.8)
        #expect(s.callbacks.handling == .fixed(180))
    }
}
