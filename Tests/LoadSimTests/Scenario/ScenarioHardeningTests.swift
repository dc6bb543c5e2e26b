import CallFlow
import Foundation
import Testing
@testable import LoadSim

/// Scenario input a hostile tester tried: impossible dates, deep nesting, keys the flow does
/// not offer, shares that do not add up; and the per-day text report.
@Suite struct ScenarioHardeningTests {
    func errors(_ text: String) -> [String] {
        do { _ = try SimTest.scenario(text); return [] } catch let e as ScenarioErrors { return e.errors.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func impossibleStartDatesAreRefusedWhereTheyAre() {
        #expect(errors("duration: 1d\nstart: 2026-02-30T10:00\narrivals: {per_hour: 10}\nagents: {count: 1}\n")
            == ["test.yaml:2:8: error: start '2026-02-30T10:00' is not a date: February 2026 has 28 days, not 30"])
        #expect(errors("duration: 1d\nstart: 2026-04-31\narrivals: {per_hour: 10}\nagents: {count: 1}\n")
            == ["test.yaml:2:8: error: start '2026-04-31' is not a date: April 2026 has 30 days, not 31"])
        #expect(errors("duration: 1d\nstart: 2028-02-29T10:00\narrivals: {per_hour: 10}\nagents: {count: 1}\n").isEmpty)
    }

    @Test func deepNestingAndControlCharactersAreLocated() {
        let deep = "duration: 1d\narrivals: {per_hour: 10}\nagents: {count: 1}\nname: " + String(repeating: "[", count: 100_000) + "\n"
        #expect(errors(deep).first?.hasPrefix("test.yaml:4:") == true)
        #expect(errors(deep).first?.contains("nest more than 64 levels deep") == true)
        #expect(errors("duration: 1d\narrivals: {per_hour: 1\u{0}0}\n")
            == ["test.yaml:2:23: error: control character U+0000 (NUL) is not allowed in YAML text: remove it (was the file saved as text?)"])
    }

    static func storeModel(_ menus: String) throws -> SimulationModel {
        let flowPath = SimTest.root.appendingPathComponent("flows/store.yaml").path
        let program = try #require(FlowCompiler.compile(fileAt: flowPath).program)
        let scenario = try ScenarioLoader.parse("""
            duration: 4h
            start: 2026-11-23T09:00
            timezone: Europe/London
            flow: \(flowPath)
            arrivals: {per_hour: 100}
            agents: {count: 5}
            callers:
              menus:
            \(menus)
            """, file: "keys.yaml", baseDirectory: "/")
        return try SimulationModel(scenario: scenario, program: program)
    }

    @Test func keysTheFlowDoesNotOfferAreRefusedAtTheKey() throws {
        let error = #expect(throws: ScenarioErrors.self) {
            try Self.storeModel("    main-menu: {\"1\": 0.5, \"7\": 0.25, \"0\": 0.25}\n    check-hours: {\"1\": 1}")
        }
        #expect(error?.errors.map(\.description) == [
            "keys.yaml:9:27: error: callers.menus.main-menu: key 7 is not offered there; menu 'main-menu' offers 1, 2, 3, 0",
            "keys.yaml:10:5: error: callers.menus.check-hours: 'check-hours' is a hours step, which never waits for a key; give shares for menu, queue or callback steps",
        ])
    }

    /// Decision (docs/SIMULATION.md): shares are weights; when they do not add up to 1 the run
    /// goes on, scaled, and the report's assumptions say so.
    @Test func sharesThatDoNotAddUpAreScaledAndSaidSo() throws {
        let model = try Self.storeModel("    main-menu: {\"1\": 0.4, \"2\": 0.2, \"3\": 0.2, \"0\": 0.1}\n    callback-keep-place: {\"1\": 1}")
        #expect(model.assumptions.contains("callers.menus.main-menu: shares add up to 0.9, not 1; scaled to 0: 11.1 %, 1: 44.4 %, 2: 22.2 %, 3: 22.2 %"),
                "\(model.assumptions)")
        #expect(!model.assumptions.contains { $0.contains("callback-keep-place") })
    }

    @Test func theTextReportPutsDaysFirstAndIntervalsOnRequest() throws {
        let report = try SimTest.run("""
            duration: 2d
            start: 2026-11-23T00:00
            arrivals: {per_hour: 20}
            handling: {dist: exponential, mean: 3m}
            agents: {count: 3}
            """, seed: 1)
        let plain = TextReport.render(report, intervals: .none)
        #expect(plain.contains("\nPer day (calls counted where they arrived or joined the queue)\nday "))
        #expect(plain.contains("\nMon 23 Nov "))
        #expect(plain.contains("\nTue 24 Nov "))
        #expect(!plain.contains("-minute interval"))
        #expect(plain.split(separator: "\n").count < 40)
        let full = TextReport.render(report, intervals: .active)
        #expect(full.hasPrefix(plain))
        #expect(full.contains("Per 30-minute interval"))
        // The days add up to the whole run.
        let days = TextReport.dayTable(report)
        #expect(days.rows.count == 2)
        let calls = days.rows.compactMap { Double($0[1]) }.reduce(0, +)
        #expect(abs(calls - report.intervals.reduce(0) { $0 + $1.calls }) < 1)
    }
}
