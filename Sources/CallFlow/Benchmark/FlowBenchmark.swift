import Foundation

/// Runs many synthetic calls straight through the interpreter to measure its speed:
/// callers choose menu keys, hold, leave messages or ask for callbacks; agents answer after a
/// random wait. The queue itself is not modelled (the load simulator does that).
public struct FlowBenchmark {
    /// Totals of a run.
    public struct Result: Sendable {
        /// Calls run to their end.
        public var calls = 0
        /// Events fed to the interpreter.
        public var events = 0
        /// Actions it emitted.
        public var actions = 0
        /// Calls by result.
        public var results: [CallResult: Int] = [:]

        /// Empty totals.
        public init() {}
    }

    let interpreter: CallInterpreter
    let promptLengths: [Double]
    let weekStart: Date

    /// A benchmark of `program`; prompts last `promptLengths[name]` seconds (3 s when missing);
    /// calls start at random moments of the week from `weekStart`.
    public init(program: FlowProgram, promptLengths: [String: Double] = [:], weekStart: Date) {
        interpreter = CallInterpreter(program: program)
        self.promptLengths = program.promptNames.map { promptLengths[$0] ?? 3 }
        self.weekStart = weekStart
    }

    /// Runs `calls` calls with a generator seeded by `seed`.
    public func run(calls: Int, seed: UInt64) -> Result {
        var random = SplitMix64(seed: seed)
        var result = Result()
        var actions: [CallAction] = []
        actions.reserveCapacity(32)
        var counts = [Int](repeating: 0, count: CallResult.allCases.count)
        for _ in 0..<calls {
            var call = SyntheticCall(start: weekStart.addingTimeInterval(random.unit() * 7 * 86_400))
            let outcome = call.run(interpreter, promptLengths, &random, &actions, &result)
            if let index = CallResult.allCases.firstIndex(of: outcome) { counts[index] += 1 }
            result.calls += 1
        }
        for (i, kind) in CallResult.allCases.enumerated() where counts[i] > 0 { result.results[kind] = counts[i] }
        return result
    }
}

/// One synthetic call: a handful of pending moments instead of a heap.
struct SyntheticCall {
    let start: Date
    var state = CallState()
    var now = 0.0
    var promptEnd = Double.infinity
    var timerAt = (Double.infinity, Double.infinity, Double.infinity)
    var timerID: (TimerID?, TimerID?, TimerID?) = (nil, nil, nil)
    var keyAt = Double.infinity
    var key = PhoneKey.d1
    var agentAt = Double.infinity
    var agentEndAt = Double.infinity
    var recordEndAt = Double.infinity
    var giveUpAt = Double.infinity
    var outcome = CallResult.completed

    init(start: Date) { self.start = start }

    mutating func run(_ interpreter: CallInterpreter, _ lengths: [Double], _ random: inout SplitMix64,
                      _ actions: inout [CallAction], _ totals: inout FlowBenchmark.Result) -> CallResult {
        feed(.callStarted(callerID: "+441632960123", at: start), interpreter, lengths, &random, &actions, &totals)
        while !state.hasEnded {
            var next = promptEnd, which = 0
            if timerAt.0 < next { next = timerAt.0; which = 1 }
            if timerAt.1 < next { next = timerAt.1; which = 2 }
            if timerAt.2 < next { next = timerAt.2; which = 3 }
            if keyAt < next { next = keyAt; which = 4 }
            if agentAt < next { next = agentAt; which = 5 }
            if agentEndAt < next { next = agentEndAt; which = 6 }
            if recordEndAt < next { next = recordEndAt; which = 7 }
            if giveUpAt < next { next = giveUpAt; which = 8 }
            if next == .infinity { next = now + 3600; which = 9 }
            now = next
            let event: CallEvent
            switch which {
            case 0: promptEnd = .infinity; event = .promptFinished
            case 1: timerAt.0 = .infinity; event = .timerFired(timerID.0!)
            case 2: timerAt.1 = .infinity; event = .timerFired(timerID.1!)
            case 3: timerAt.2 = .infinity; event = .timerFired(timerID.2!)
            case 4: keyAt = .infinity; event = .digit(key)
            case 5: agentAt = .infinity; giveUpAt = .infinity; agentEndAt = now + random.exponential(mean: 300); event = .agentConnected
            case 6: agentEndAt = .infinity; event = .agentDisconnected
            case 7: recordEndAt = .infinity; event = .recordingStopped(.silence, duration: 20)
            case 8:
                giveUpAt = .infinity
                let u = random.unit()
                if u < 0.5 { key = u < 0.25 ? .d1 : .d2; keyAt = now; continue }
                event = .callerHungUp
            default: event = .callerHungUp
            }
            feed(event, interpreter, lengths, &random, &actions, &totals)
        }
        return outcome
    }

    mutating func feed(_ event: CallEvent, _ interpreter: CallInterpreter, _ lengths: [Double],
                       _ random: inout SplitMix64, _ actions: inout [CallAction], _ totals: inout FlowBenchmark.Result) {
        actions.removeAll(keepingCapacity: true)
        interpreter.handle(event, now: now, call: &state, actions: &actions)
        totals.events += 1
        totals.actions += actions.count
        for action in actions {
            switch action {
            case .enterStep(let step):
                switch interpreter.program.steps[step] {
                case .menu:
                    key = PhoneKey(rawValue: UInt8(random.next() % 4))!
                    keyAt = now + 2 + random.unit() * 8
                case .callback:
                    key = .d1
                    keyAt = now + 4
                default: break
                }
            case .play(let list, _):
                var total = 0.0
                for prompt in list { total += lengths[prompt] }
                promptEnd = now + total
            case .stopPlaying: promptEnd = .infinity
            case .startTimer(let id, let delay):
                switch id.kind {
                case .firstDigit, .interDigit: timerAt.0 = now + delay; timerID.0 = id
                case .announcement: timerAt.1 = now + delay; timerID.1 = id
                case .maxWait: timerAt.2 = now + delay; timerID.2 = id
                }
            case .cancelTimer(let id):
                if id == timerID.0 { timerAt.0 = .infinity }
                if id == timerID.1 { timerAt.1 = .infinity }
                if id == timerID.2 { timerAt.2 = .infinity }
            case .enqueue:
                agentAt = now + random.exponential(mean: 60)
                giveUpAt = now + random.exponential(mean: 240)
            case .leaveQueue:
                agentAt = .infinity; giveUpAt = .infinity
            case .record:
                recordEndAt = now + 20
            case .stopRecording:
                recordEndAt = now
            case .hangUp(let result):
                outcome = result.result
            default: break
            }
        }
    }
}
