import CallQueue
import Foundation
import Testing
@testable import CallFlow

/// Seeded property tests: random flows and random callers always end, never crash.
@Suite struct RandomFlowPropertyTests {
    /// Writes a random flow of 2-9 steps using every kind and many options.
    static func randomFlow(_ random: inout SplitMix64) -> String {
        let count = 2 + Int(random.next() % 8)
        let names = (0..<count).map { "s\($0)" }
        // Links taken on a key may go anywhere; links taken without one mostly go forward
        // (a few go back, so the validator's loop check is exercised too).
        func pick() -> String { random.next() % 6 == 0 ? "hangup" : names[Int(random.next() % UInt64(count))] }
        var current = 0
        func forward() -> String {
            if random.next() % 10 == 0 { return pick() }
            let later = count - current - 1
            return later <= 0 || random.next() % 5 == 0 ? "hangup" : names[current + 1 + Int(random.next() % UInt64(later))]
        }
        func duration(_ low: Int, _ high: Int) -> String { "\(low + Int(random.next() % UInt64(high - low + 1)))s" }
        var lines = ["variables: {topic: none}", "schedules:", "  h: {timezone: Europe/London, weekly: {mon-fri: 09:00-17:30, sat: 10:00-14:00}, holidays: [2026-12-25]}", "steps:"]
        for (index, name) in names.enumerated() {
            current = index
            lines.append("  \(name):")
            switch random.next() % 9 {
            case 0:
                lines += ["    play: [a, b]", "    interruptible: \(random.next() % 2 == 0)", "    next: \(forward())"]
            case 1:
                let keys = ["1", "2", "12", "3", "*", "0"].filter { _ in random.next() % 2 == 0 }
                let choices = (keys.isEmpty ? ["1"] : keys).map { "\"\($0)\": {goto: \(pick()), set: {topic: k\($0 == "*" ? "star" : $0)}}" }
                lines += ["    menu: m", "    short_prompt: ms", "    no_input_prompt: ni", "    invalid_prompt: iv",
                          "    choices: {\(choices.joined(separator: ", "))}", "    timeout: \(duration(1, 6))",
                          "    inter_digit_timeout: \(duration(1, 3))", "    max_no_input: \(1 + random.next() % 3)",
                          "    max_invalid: \(1 + random.next() % 3)", "    on_no_input: \(forward())", "    on_invalid: \(pick())",
                          "    interruptible: \(random.next() % 3 != 0)"]
            case 2:
                lines += ["    hours: h", "    open: \(forward())", "    closed: \(forward())", "    holiday: \(forward())"]
            case 3:
                lines += ["    queue: q\(random.next() % 3)", "    announce: hold", "    announce_every: \(duration(10, 40))",
                          "    announce_position: true", "    announce_wait: true", "    keys: {\"1\": \(pick()), \"2\": \(pick())}",
                          "    max_wait: \(duration(20, 200))", "    on_timeout: \(forward())", "    next: \(forward())"]
            case 4:
                lines += ["    voicemail: box", "    greeting: g", "    beep: \(random.next() % 2 == 0)", "    max_length: \(duration(10, 60))",
                          "    min_length: \(duration(0, 5))", "    silence: \(duration(0, 6))", "    finish_keys: \"#\"",
                          "    next: \(forward())", "    on_too_short: \(forward())"]
            case 5:
                let when = ["now", "keep_place", "next_opening"][Int(random.next() % 3)]
                lines += ["    callback: \(random.next() % 2 == 0 ? "true" : "q1")", "    when: \(when)", "    hours: h",
                          "    number: \(random.next() % 3 == 0 ? "ask" : "caller")", "    confirm: \(random.next() % 2 == 0)",
                          "    number_prompt: ni", "    confirm_prompt: c", "    ask_prompt: a", "    done_prompt: d",
                          "    max_attempts: \(1 + random.next() % 3)", "    next: \(forward())", "    on_failure: \(forward())"]
            case 6: lines += ["    goto: \(forward())"]
            case 7: lines += ["    set: {topic: x\(random.next() % 5)}", "    next: \(forward())"]
            default: lines += ["    hangup:"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func randomScript(_ random: inout SplitMix64) -> String {
        let tokens = ["1", "2", "3", "0", "12", "*", "#", "42#", "w1", "w5", "w20", "w90", "talk4", "talk12", "1234567#"]
        var script = (0..<Int(random.next() % 10)).map { _ in tokens[Int(random.next() % UInt64(tokens.count))] }
        if random.next() % 4 == 0 { script.append("hangup") }
        return script.joined(separator: " ")
    }

    @Test func randomFlowsAndScriptsAlwaysEnd() throws {
        var random = SplitMix64(seed: 20_261_123)
        var compiled = 0
        for _ in 0..<300 {
            let yaml = Self.randomFlow(&random)
            guard let program = FlowCompiler.compile(yaml: yaml, file: "random.yaml").program else { continue }
            compiled += 1
            for _ in 0..<6 {
                let script = try KeyScript(Self.randomScript(&random))
                let start = Date(timeIntervalSince1970: 1_790_000_000 + random.unit() * 30_000_000)
                var options = ScriptedCall.Options(callerID: random.next() % 4 == 0 ? nil : "+441632960123", start: start)
                options.maxCallLength = 7200
                let t = ScriptedCall(program: program, options: options).run(script)
                #expect(t.events.last?.type == "hangup", "\(yaml)")
                #expect(t.events.filter { $0.type == "hangup" }.count == 1)
                #expect(zip(t.events, t.events.dropFirst()).allSatisfy { $0.t <= $1.t })
                // Validated flows never loop for a silent caller: the flow itself ends the call.
                if script.tokens.isEmpty {
                    #expect(!t.events.contains { $0.type == "caller-hangup" }, "silent caller kept forever:\n\(yaml)")
                }
            }
        }
        #expect(compiled >= 60, "only \(compiled) of 300 random flows compiled")
    }

    @Test func randomEventsNeverBreakTheInterpreter() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            guard let program = FlowCompiler.compile(yaml: Self.randomFlow(&random), file: "random.yaml").program else { continue }
            let interpreter = CallInterpreter(program: program)
            var call = CallState()
            var actions: [CallAction] = []
            var timers: [TimerID] = []
            var now = 0.0
            interpreter.handle(.callStarted(callerID: "+4420", at: Date(timeIntervalSince1970: 1_795_000_000)), now: 0, call: &call, actions: &actions)
            for _ in 0..<400 {
                now += random.unit() * 10
                for case .startTimer(let id, _) in actions { timers.append(id) }
                let event: CallEvent
                switch random.next() % 10 {
                case 0, 1: event = .digit(PhoneKey(rawValue: UInt8(random.next() % 16))!)
                case 2, 3: event = .promptFinished
                case 4: event = timers.isEmpty ? .promptFinished : .timerFired(timers[Int(random.next() % UInt64(timers.count))])
                case 5: event = .recordingStopped([.silence, .maxLength, .finishKey][Int(random.next() % 3)], duration: random.unit() * 20)
                case 6: event = .agentConnected
                case 7: event = .agentDisconnected
                case 8: event = .queueStatus(position: Int(random.next() % 40), estimatedWait: random.unit() * 2000)
                default: event = random.next() % 8 == 0 ? .callerHungUp : .queueEmpty
                }
                interpreter.handle(event, now: now, call: &call, actions: &actions)
            }
            interpreter.handle(.callerHungUp, now: now + 1, call: &call, actions: &actions)
            let hangUps = actions.indices.filter { if case .hangUp = actions[$0] { return true } else { return false } }
            #expect(hangUps.count == 1)
            #expect(hangUps.first == actions.count - 1)
        }
    }
}


/// The synthetic-caller benchmark behind `ivr flow bench`.
@Suite struct FlowBenchmarkTests {
    @Test func sameSeedSameResultsAndEveryCallEnds() {
        let bench = FlowBenchmark(program: StoreFlow.program, weekStart: FlowTest.date("2026-11-23T00:00"))
        let a = bench.run(calls: 2_000, seed: 42)
        let b = bench.run(calls: 2_000, seed: 42)
        #expect(a.calls == 2_000)
        #expect(a.events == b.events && a.actions == b.actions && a.results == b.results)
        #expect(a.results.values.reduce(0, +) == 2_000)
        // A week has both open hours (queues) and closed hours (after-hours voicemail).
        #expect((a.results[.voicemail] ?? 0) > 0)
        #expect((a.results[.queued] ?? 0) > 0)
        let c = bench.run(calls: 2_000, seed: 43)
        #expect(c.events != a.events)
    }
}
