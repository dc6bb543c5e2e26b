@testable import CallFlow
import Foundation
@testable import LoadSim
import Testing

/// The simulator takes the same path through the store flow as the scripted call (and so, by
/// ``DriverAgreementTests``, as a live line) for the caller scripts of the driver-agreement test
/// that its caller model can express: step for step, and the same outcome.
///
/// A simulated caller is a model, not a script: menus are answered by shares, keys come after a
/// latency, holding callers press voicemail or callback keys when an announcement offers them,
/// and patience ends a wait. Each script below becomes such a caller, made certain (shares of
/// 100 %, fixed times, nobody to answer), so every simulated call must take the script's path.
/// Not expressible, so not compared: invalid keys (simulated callers press only offered
/// choices), a withheld number (simulated callers always present one) and hanging up in the
/// middle of a message (simulated callers finish it).
@Suite struct SimulatorAgreementTests {
    /// A caller model for each comparable case of ``DriverAgreementTests/cases``, by name.
    static func callers(for name: String) -> (callers: CallerBehaviour, patience: Double)? {
        var c = CallerBehaviour()
        c.keyLatency = .fixed(1)
        c.answersMenus = 1
        c.voicemailWhenOffered = 0
        c.callbackWhenOffered = 0
        c.messageLength = .fixed(4)
        let menu: String
        switch name {
        case "menu to orders": menu = "1"
        case "menu to payments": menu = "2"
        case "menu to returns": menu = "3"
        case "menu to someone": menu = "0"
        case "no input":
            c.answersMenus = 0
            return (c, 20)
        case "holding then 1 for voicemail":
            c.voicemailWhenOffered = 1
            c.menuChoices = ["main-menu": [("1", 1)]]
            return (c, 600)
        case "holding then 2 for a callback":
            c.callbackWhenOffered = 1
            c.menuChoices = ["main-menu": [("1", 1)], "callback-keep-place": [("1", 1)]]
            return (c, 600)
        default: return nil
        }
        c.menuChoices = ["main-menu": [(menu, 1)]]
        return (c, 10)
    }

    @Test(arguments: DriverAgreementTests.cases.filter { callers(for: $0.name) != nil })
    func theSimulatorTakesTheScriptedPath(_ test: DriverAgreementTests.Case) throws {
        let harness = try LineHarness()
        var lengths: [String: Double] = [:]
        for (i, name) in harness.program.promptNames.enumerated() { lengths[name] = Double(harness.sounds.prompts[i].count) / 8000 }
        var options = ScriptedCall.Options(callerID: test.callerID, start: test.start, promptLengths: lengths)
        options.beepLength = Double(harness.sounds.beep.count) / 8000
        let scripted = ScriptedCall(program: harness.program, options: options).run(try KeyScript(test.keys))
        let path = scripted.events("step").compactMap(\.name)

        let (callers, patience) = try #require(Self.callers(for: test.name))
        var scenario = Scenario()
        scenario.name = "agreement"
        scenario.timeZone = DriverAgreementTests.store
        scenario.start = DateComponents(year: 2026, month: 11, day: 23, hour: 10, minute: 0)
        scenario.duration = 900
        scenario.arrivals = .constant(perHour: 30)
        scenario.patience = .fixed(patience)
        scenario.agents = [AgentGroup(name: "nobody", skills: [:], staffing: .count(0))]
        scenario.callers = callers
        let model = try SimulationModel(scenario: scenario, program: harness.program, promptLengths: lengths)
        var run = try SimulationRun(model: model, seed: 11, replication: 0)
        run.transcripts = []
        _ = try run.run()
        let simulated = try #require(run.transcripts)
        #expect(simulated.count >= 3, "\(test.name): a few callers arrive in 15 minutes: \(simulated.count)")
        for call in simulated {
            let simulatedPath = call.events("step").compactMap(\.name)
            #expect(simulatedPath == path, "\(test.name): the simulator went \(simulatedPath), the script \(path)\n\(call.text)")
            #expect(call.outcome.result == scripted.outcome.result, "\(test.name): \(call.outcome.result) vs \(scripted.outcome.result)")
            #expect(call.outcome.queue == scripted.outcome.queue && call.outcome.mailbox == scripted.outcome.mailbox)
            if simulatedPath != path { break }
        }
    }
}
