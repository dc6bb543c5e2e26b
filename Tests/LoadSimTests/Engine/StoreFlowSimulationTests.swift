import CallFlow
import Foundation
import Testing
@testable import LoadSim

/// The store's real flow (flows/store.yaml) driven by simulated callers.
struct StoreFlowSimulationTests {
    static func model(_ extra: String = "", duration: String = "1d") throws -> SimulationModel {
        let flowPath = SimTest.root.appendingPathComponent("flows/store.yaml").path
        let compiled = FlowCompiler.compile(fileAt: flowPath)
        let program = try #require(compiled.program, "\(compiled.diagnostics)")
        let scenario = try SimTest.scenario("""
        duration: \(duration)
        start: 2026-11-23T00:00
        timezone: Europe/London
        arrivals: {per_hour_by_hour: [2, 1, 1, 1, 1, 1, 2, 4, 10, 40, 40, 40, 30, 30, 40, 40, 30, 20, 8, 5, 4, 3, 2, 2]}
        handling: {dist: lognormal, mean: 4m, cv: 0.5}
        patience: {dist: exponential, mean: 3m}
        agents: {schedule: [[0, 0], [9, 6], [17.5, 0]]}
        callers:
          menus:
            main-menu: {"1": 0.4, "2": 0.2, "3": 0.3, "0": 0.1}
            callback-keep-place: {"1": 1}
          voicemail_when_offered: 0.1
          callback_when_offered: 0.2
        \(extra)
        """)
        return try SimulationModel(scenario: scenario, program: program)
    }

    @Test func aMondayThroughTheStoreFlow() throws {
        let model = try Self.model()
        var run = try SimulationRun(model: model, seed: 1, replication: 0)
        let s = try run.run()
        #expect(s.calls > 300)   // 371 expected on a Monday
        #expect(s.unfinished == 0)
        // Night callers never reach a queue: the after-hours line takes a message and books a callback.
        #expect(s.endedInFlow > 10)
        #expect(s.callbacksRequested > 10)
        #expect(s.voicemails > 0)
        // Menu shares route callers to the four queues, roughly as asked.
        let offered = s.queues.map(\.offered)
        let names = model.queueNames
        let orders = offered[names.firstIndex(of: "orders")!], payments = offered[names.firstIndex(of: "payments")!]
        #expect(orders > payments)
        #expect(s.total.answered > 0)
        #expect(s.total.answered + s.total.abandoned + s.total.leftQueue == s.total.offered)
        // After-hours callbacks are worked once the store opens.
        #expect(s.callbacksAttempted > 0)
        #expect(s.callbacksCompleted <= s.callbacksAttempted)
    }

    @Test func storeRunsAreReproducible() throws {
        let model = try Self.model(duration: "12h")
        let a = try Simulator.run(model, options: .init(seed: 9, timing: false))
        let b = try Simulator.run(model, options: .init(seed: 9, timing: false))
        #expect(TextReport.render(a, intervals: .all) == TextReport.render(b, intervals: .all))
    }

    @Test func unknownQueueIsAnError() throws {
        #expect(throws: ScenarioErrors.self) {
            _ = try Self.model("""
            queues: {nowhere: {handling: {dist: fixed, value: 1m}}}
            """)
        }
    }

    /// Names the flow lacks are reported at the key that names them (`extra` is line 14).
    @Test func unknownNamesAreLocated() throws {
        var lines: [String] = []
        do {
            _ = try Self.model("""
            queues: {nowhere: {handling: {dist: fixed, value: 1m}}}
            """)
        } catch let e as ScenarioErrors { lines = e.errors.map(\.description) }
        #expect(lines == ["test.yaml:14:10: error: queues.nowhere: there is no such queue "
            + "(queues of the flow: orders, payments, returns, general)"], "\(lines)")
        #expect(lines.allSatisfy { !$0.contains(":0:0:") }, "\(lines)")
    }
}

extension StoreFlowSimulationTests {
    /// A scenario that gives no menu shares: callers split evenly over the main menu's choices
    /// (they reach all four queues), and the report says what was assumed.
    @Test func menusWithoutSharesSplitEvenlyAndSaySo() throws {
        let yaml = """
            name: no-shares
            start: 2026-11-23T09:00
            timezone: Europe/London
            duration: 4h
            seed: 3
            target_answer: 20s
            flow: \(SimTest.root.appendingPathComponent("flows/store.yaml").path)
            arrivals: {per_hour: 400}
            handling: {dist: exponential, mean: 120s}
            agents: {count: 20}
            """
        let scenario = try ScenarioLoader.parse(yaml, file: "no-shares.yaml", baseDirectory: "/")
        let compiled = FlowCompiler.compile(fileAt: SimTest.root.appendingPathComponent("flows/store.yaml").path)
        let program: FlowProgram = try #require(compiled.program)
        let model = try SimulationModel(scenario: scenario, program: program)
        #expect(model.assumptions == ["callers at menu 'main-menu' pick 1, 2, 3, 0 evenly (no shares under callers.menus)"])
        let report = try Simulator.run(model, options: .init(timing: false))
        #expect(report.assumptions == model.assumptions)
        let offered = Dictionary(uniqueKeysWithValues: report.queues.map { ($0.name, $0.offered) })
        for name in ["orders", "payments", "returns", "general"] {
            // 1,600 callers, about a quarter each (general also gets the few who never press).
            #expect((offered[name] ?? 0) > 300, "queue \(name) offered \(offered[name] ?? 0)")
        }
        #expect(TextReport.render(report).contains("Assumed: callers at menu 'main-menu' pick 1, 2, 3, 0 evenly"))
        #expect(HTMLReport.render(report).contains("Assumed: \(escape(model.assumptions[0]))</div>"))
    }
}
