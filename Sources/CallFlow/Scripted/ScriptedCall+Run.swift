import Foundation

extension ScriptedCall {
    /// One scripted run: a ``CallPort`` on virtual time whose media is an agenda of moments.
    struct Run: CallPort {
        let scripted: ScriptedCall
        var heap = EventHeap<Item>()
        var call = CallRunner()
        var actionBuffer: [CallAction] = []
        var recordStart = 0.0
        var talk: [(Double, Double)] = []
        var interpreter: CallInterpreter { scripted.interpreter }
        var options: Options { scripted.options }
        var program: FlowProgram { scripted.program }

        init(call scripted: ScriptedCall) { self.scripted = scripted }

        mutating func execute(_ script: KeyScript) -> Transcript {
            let layout = ScriptedCall.layout(script, keyGap: options.keyGap)
            talk = layout.talk
            for (time, key) in layout.keys { heap.push(.digit(key), at: time) }
            heap.push(.callerHangUp, at: layout.hangup ?? options.maxCallLength)
            CallRunner.start(callerID: options.callerID, at: options.start, now: 0, &self)
            while !call.hasEnded, let (time, item) = heap.pop() {
                handle(item, at: time)
            }
            return call.transcript(program: program, callerID: options.callerID, start: options.start, roundedTo: 0.001)
        }

        mutating func handle(_ item: Item, at time: Double) {
            switch item {
            case .digit(let key): CallRunner.keyPressed(key, at: time, &self)
            case .callerHangUp: CallRunner.callerHungUp(at: time, &self)
            case .timer(let id): CallRunner.timerFired(id, at: time, &self)
            case .promptStarted(let serial, let prompt): CallRunner.promptStarted(prompt, serial: serial, at: time, &self)
            case .promptDone(let serial): CallRunner.playedOut(serial: serial, at: time, &self)
            case .recordStarted(let serial, let mailbox): CallRunner.recordingStarted(serial: serial, mailbox: mailbox, at: time, &self)
            case .queueStatus:
                CallRunner.feed(.queueStatus(position: options.queuePosition, estimatedWait: options.estimatedWait), at: time, &self)
            case .recordingStop(let serial, let reason, let duration):
                CallRunner.recordingStopped(serial: serial, reason, duration: duration, at: time, &self)
            }
        }

        mutating func play(_ prompts: PromptList, serial: UInt32, at now: Double) {
            var at = now
            for prompt in prompts {
                heap.push(.promptStarted(serial: serial, prompt: prompt), at: at)
                at += options.promptLengths[program.promptNames[prompt]] ?? options.defaultPromptLength
            }
            heap.push(.promptDone(serial: serial), at: at)
        }

        mutating func stopPlaying(at now: Double) {}

        mutating func schedule(_ timer: TimerID, at due: Double) { heap.push(.timer(timer), at: due) }

        /// Beep, then record until the script's talk is followed by the step's silence, or max length.
        mutating func startRecording(_ request: RecordRequest, serial: UInt32, at now: Double) -> CallEvent? {
            var start = now
            if request.beep {
                CallRunner.beepStarted(serial: serial, at: now, &self)
                start += options.beepLength
            }
            recordStart = start
            heap.push(.recordStarted(serial: serial, mailbox: request.mailbox), at: start)
            // Silence rule: the message ends `silenceTime` after the caller last spoke.
            var lastSpeech = start
            var stop = start + request.maxLength
            var reason = RecordingStopReason.maxLength
            if request.silenceTime > 0 {
                for (from, to) in talk where to > start {
                    if from - lastSpeech >= request.silenceTime { break }
                    lastSpeech = max(lastSpeech, to)
                }
                let silentStop = lastSpeech + request.silenceTime
                if silentStop < stop { stop = silentStop; reason = .silence }
            }
            let duration = reason == .silence ? lastSpeech - start : stop - start
            heap.push(.recordingStop(serial: serial, reason: reason, duration: duration), at: stop)
            return nil
        }

        mutating func stopRecording(_ reason: RecordingStopReason, at now: Double) -> Double { max(0, now - recordStart) }
        mutating func keepRecording(mailbox: Int, duration: Double, at now: Double) {}
        mutating func dropRecording(mailbox: Int, duration: Double, at now: Double) {}

        /// No agents: the caller stays where the options put them (first in line, wait unknown by default).
        mutating func joinQueue(_ request: EnqueueRequest, at now: Double) -> CallEvent? {
            heap.push(.queueStatus, at: now)
            return nil
        }

        mutating func leaveQueue(_ queue: Int, reason: QueueLeaveReason, at now: Double) {}
        mutating func requestCallback(_ request: CallbackRequest, at now: Double) {}
        mutating func hangUp(_ outcome: CallOutcome, at now: Double) {}
    }

    /// `2026-11-23T18:30:00` in `zone`.
    public static func localISO(_ date: Date, _ zone: TimeZone) -> String { Transcript.localISO(date, zone) }

    /// Reads `2026-11-23T18:30` (or with seconds, or a date alone at 00:00) as local time in `zone`.
    /// Nil for a day that does not exist (2026-02-30), which the formatter would roll forward.
    public static func parseLocalTime(_ text: String, in zone: TimeZone) -> Date? {
        if LocalDate.problem(inISO: text) != nil { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
