import CallQueue
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
        var result = Result()
        var counts = [Int](repeating: 0, count: CallResult.allCases.count)
        var call = SyntheticCall(interpreter: interpreter, lengths: promptLengths, random: SplitMix64(seed: seed))
        call.actionBuffer.reserveCapacity(32)
        for _ in 0..<calls {
            call.begin(at: weekStart.addingTimeInterval(call.random.unit() * 7 * 86_400))
            call.run()
            if let index = CallResult.allCases.firstIndex(of: call.outcome) { counts[index] += 1 }
            result.events += call.call.eventsFed
            result.actions += call.call.actionsPerformed
            result.calls += 1
        }
        for (i, kind) in CallResult.allCases.enumerated() where counts[i] > 0 { result.results[kind] = counts[i] }
        return result
    }
}

/// One synthetic call at a time: a ``CallPort`` with a handful of pending moments instead of a heap.
struct SyntheticCall: CallPort {
    let interpreter: CallInterpreter
    let lengths: [Double]
    var random: SplitMix64
    var call = CallRunner(transcript: false)
    var actionBuffer: [CallAction] = []
    var start = Date()
    var now = 0.0
    var promptEnd = Double.infinity
    var promptSerial: UInt32 = 0
    var keyAt = Double.infinity
    var key = PhoneKey.d1
    var agentAt = Double.infinity
    var agentEndAt = Double.infinity
    var recordEndAt = Double.infinity
    var giveUpAt = Double.infinity
    var outcome = CallResult.completed

    init(interpreter: CallInterpreter, lengths: [Double], random: SplitMix64) {
        self.interpreter = interpreter
        self.lengths = lengths
        self.random = random
    }

    /// Resets the moments for a new call starting at `start`.
    mutating func begin(at start: Date) {
        call.reset()
        self.start = start
        now = 0
        promptEnd = .infinity; keyAt = .infinity; agentAt = .infinity; agentEndAt = .infinity
        recordEndAt = .infinity; giveUpAt = .infinity
        outcome = .completed
    }

    mutating func run() {
        CallRunner.start(callerID: "+441632960123", at: start, now: now, &self)
        while !call.hasEnded {
            var next = promptEnd, which = 0
            if let due = call.nextTimerDue, due < next { next = due; which = 1 }
            if keyAt < next { next = keyAt; which = 4 }
            if agentAt < next { next = agentAt; which = 5 }
            if agentEndAt < next { next = agentEndAt; which = 6 }
            if recordEndAt < next { next = recordEndAt; which = 7 }
            if giveUpAt < next { next = giveUpAt; which = 8 }
            if next == .infinity { next = now + 3600; which = 9 }
            now = next
            switch which {
            case 0: promptEnd = .infinity; CallRunner.playedOut(serial: promptSerial, at: now, &self)
            case 1: CallRunner.fireDueTimers(at: now, &self)
            case 4: keyAt = .infinity; CallRunner.keyPressed(key, at: now, &self)
            case 5:
                agentAt = .infinity; giveUpAt = .infinity; agentEndAt = now + random.exponential(mean: 300)
                CallRunner.queueEvent(.agentConnected, at: now, &self)
            case 6: agentEndAt = .infinity; CallRunner.queueEvent(.agentDisconnected, at: now, &self)
            case 7: recordEndAt = .infinity; CallRunner.recordingStopped(serial: call.recordSerial, .silence, duration: 20, at: now, &self)
            case 8:
                giveUpAt = .infinity
                let u = random.unit()
                if u < 0.5 { key = u < 0.25 ? .d1 : .d2; keyAt = now; continue }
                CallRunner.callerHungUp(at: now, &self)
            default: CallRunner.callerHungUp(at: now, &self)
            }
        }
    }

    mutating func enteredStep(_ step: Int, at now: Double) {
        switch interpreter.program.steps[step] {
        case .menu:
            key = PhoneKey(rawValue: UInt8(random.next() % 4))!
            keyAt = now + 2 + random.unit() * 8
        case .callback:
            key = .d1
            keyAt = now + 4
        default: break
        }
    }

    mutating func play(_ prompts: PromptList, serial: UInt32, at now: Double) {
        var total = 0.0
        for prompt in prompts { total += lengths[prompt] }
        promptEnd = now + total
        promptSerial = serial
    }

    mutating func stopPlaying(at now: Double) { promptEnd = .infinity }
    mutating func schedule(_ timer: TimerID, at due: Double) {}
    mutating func startRecording(_ request: RecordRequest, serial: UInt32, at now: Double) -> CallEvent? {
        recordEndAt = now + 20
        return nil
    }
    mutating func stopRecording(_ reason: RecordingStopReason, at now: Double) -> Double {
        recordEndAt = .infinity
        return 20
    }
    mutating func keepRecording(mailbox: Int, duration: Double, at now: Double) {}
    mutating func dropRecording(mailbox: Int, duration: Double, at now: Double) {}
    mutating func joinQueue(_ request: EnqueueRequest, at now: Double) -> CallEvent? {
        agentAt = now + random.exponential(mean: 60)
        giveUpAt = now + random.exponential(mean: 240)
        return nil
    }
    mutating func leaveQueue(_ queue: Int, reason: QueueLeaveReason, at now: Double) { agentAt = .infinity; giveUpAt = .infinity }
    mutating func requestCallback(_ request: CallbackRequest, at now: Double) {}
    mutating func hangUp(_ outcome: CallOutcome, at now: Double) { self.outcome = outcome.result }
}

extension SplitMix64 {
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Exponentially distributed with this mean.
    mutating func exponential(mean: Double) -> Double { -mean * log1p(-unit()) }
}
