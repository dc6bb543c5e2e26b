import Foundation
import Testing
@testable import LoadSim

/// Values that pass the syntax but would crash, exhaust memory or never end are refused,
/// located, with the allowed range.
struct ScenarioLimitsTests {
    func errors(_ text: String) -> [String] {
        do { _ = try ScenarioLoader.parse(text, file: "t.yaml", baseDirectory: "/tmp"); return [] }
        catch let e as ScenarioErrors { return e.errors.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func hugeDurationIsRefusedWithItsRange() {
        let e = errors("duration: 20000000d\narrivals: {per_hour: 1}\n")
        #expect(e == ["t.yaml:1:11: error: duration must be from 0 to 366d, not 20000000d"], "\(e)")
    }

    @Test func hugeDistributionValuesAreRefused() {
        let e = errors("""
        arrivals: {per_hour: 1}
        handling: {dist: fixed, value: 99999999999999999d}
        wrap_up: 99999999999999999d
        """)
        #expect(e.count == 2, "\(e)")
        #expect(e.first == "t.yaml:2:32: error: handling.value must be from 0 to 30d, not 99999999999999999d", "\(e)")
        #expect(e.last?.hasPrefix("t.yaml:3:10: error: wrap_up must be from 0 to 30d") == true, "\(e)")
    }

    @Test func hugeEmpiricalSampleIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "seconds\n120\n1e19\n".write(to: dir.appendingPathComponent("aht.csv"), atomically: true, encoding: .utf8)
        let e: [String]
        do {
            _ = try ScenarioLoader.parse("arrivals: {per_hour: 1}\nhandling: {dist: empirical, file: aht.csv}\n",
                                        file: "t.yaml", baseDirectory: dir.path)
            e = []
        } catch let x as ScenarioErrors { e = x.errors.map(\.description) }
        #expect(e.count == 1 && e[0].contains("aht.csv:3: 1e19 seconds is longer than the 30d"), "\(e)")
    }

    @Test func tooManyExpectedArrivalsAreRefused() {
        let e = errors("duration: 1h\narrivals: {per_hour: 1e9}\nagents: {count: 5}\n")
        #expect(e.count == 1 && e[0].hasPrefix("t.yaml:2:11: error: arrivals: about 1e+09 calls would arrive"), "\(e)")
        #expect(e.first?.contains("at most 50000000") == true)
        #expect(errors("duration: 7d\narrivals: {per_hour: 1000000}\n").count == 1)
        #expect(errors("duration: 7d\narrivals: {per_hour: 100000}\n").isEmpty)
    }

    @Test func agentsAreCappedOverAllGroups() {
        let groups = (1...3).map { "    - {name: g\($0), count: 40000}" }.joined(separator: "\n")
        let e = errors("arrivals: {per_hour: 1}\nagents:\n  groups:\n\(groups)\n")
        #expect(e.count == 1 && e[0].hasPrefix("t.yaml:3:3: error: agents: 120000 agents over all groups"), "\(e)")
    }

    @Test func redialWithNoDelayIsRefused() {
        let e = errors("""
        arrivals: {per_hour: 1}
        patience: {dist: fixed, value: 0s}
        agents: {count: 0}
        callers:
          redial: {probability: 100%, after: {dist: fixed, value: 0s}}
        """)
        #expect(e.count == 1 && e[0].hasPrefix("t.yaml:5:38: error: callers.redial.after must have a mean above 0"), "\(e)")
    }

    @Test func missingArrivalsPointsAtTheFile() {
        #expect(errors("duration: 1d\n") == ["t.yaml:1:1: error: the scenario needs 'arrivals' (per_hour or per_hour_by_hour)"])
    }

    @Test func clampedIntNeverTraps() {
        #expect(ScenarioLimits.clampedInt(1e300) == 1 << 53)
        #expect(ScenarioLimits.clampedInt(-.infinity) == -(1 << 53))
        #expect(ScenarioLimits.clampedInt(.nan) == 0)
        #expect(ScenarioLimits.clampedInt(41.9) == 41)
        #expect(Figure.fixed(8.64e24, 0).count == 25)
        #expect(Figure.fixed(-1e20, 1).hasPrefix("-100000000000000000000.0"))
        #expect(Figure.fixed(1234.56, 1) == "1234.6")
    }

    @Test func modelErrorsCarryTheLineOfTheKey() throws {
        let s = try ScenarioLoader.parse("""
        name: Monday peak
        arrivals: {per_hour: 10}
        queues:
          sales: {patience: {dist: exponential, mean: 1m}}
          support: {patience: {dist: exponential, mean: 1m}}
        agents: {count: 3, skills: {sales: 1}}
        """, file: "t.yaml", baseDirectory: "/tmp")
        let e: [String]
        do { _ = try SimulationModel(scenario: s, program: nil); e = [] } catch let x as ScenarioErrors { e = x.errors.map(\.description) }
        #expect(e.count == 3, "\(e)")
        #expect(e.first == "t.yaml:4:3: error: queues.sales: there is no such queue "
            + "(a scenario without 'flow:' has exactly one queue, named 'main')", "\(e)")
        #expect(e.last?.hasPrefix("t.yaml:6:29: error: agents 'agents': skill 'sales' names no queue (a scenario without 'flow:'") == true, "\(e)")
    }
}
