import Foundation

extension ScriptedCall {
    /// The mutable state of one scripted run.
    struct Run {
        let call: ScriptedCall
        let script: KeyScript
        var heap = EventHeap<Item>()
        var state = CallState()
        var actions: [CallAction] = []
        var events: [Transcript.Event] = []
        var armed: Set<UInt32> = []
        var playSerial = 0
        var recordSerial = 0
        var recordStart = 0.0
        var recording = false
        var talk: [(Double, Double)] = []
        var outcome = CallOutcome(result: .completed, queue: -1, mailbox: -1, callback: false, callbackQueue: -1)
        var callbackDue: String?
        var program: FlowProgram { call.program }

        init(call: ScriptedCall, script: KeyScript) { self.call = call; self.script = script }

        mutating func execute() -> Transcript {
            let layout = ScriptedCall.layout(script, keyGap: call.options.keyGap)
            talk = layout.talk
            for (time, key) in layout.keys { heap.push(.digit(key), at: time) }
            heap.push(.callerHangUp, at: layout.hangup ?? call.options.maxCallLength)
            feed(.callStarted(callerID: call.options.callerID, at: call.options.start), at: 0)
            while !state.hasEnded, let (time, item) = heap.pop() {
                handle(item, at: time)
            }
            return transcript()
        }

        mutating func handle(_ item: Item, at time: Double) {
            switch item {
            case .digit(let key):
                log(time, "digit", value: String(key.character))
                feed(.digit(key), at: time)
            case .callerHangUp:
                log(time, "caller-hangup")
                if recording {
                    recording = false
                    recordSerial += 1
                    let duration = max(0, time - recordStart)
                    log(time, "record-end", value: "hang-up \(Transcript.number(duration))s")
                    feed(.recordingStopped(.callerHungUp, duration: duration), at: time)
                }
                feed(.callerHungUp, at: time)
            case .timer(let id):
                guard armed.remove(id.rawValue) != nil else { return }
                if id.kind != .announcement { log(time, "timeout", name: id.kind.name) }
                feed(.timerFired(id), at: time)
            case .promptStarted(let serial, let prompt):
                guard serial == playSerial else { return }
                log(time, "prompt", name: program.promptNames[prompt])
            case .promptDone(let serial):
                guard serial == playSerial else { return }
                playSerial += 1
                feed(.promptFinished, at: time)
            case .recordStarted(let serial, let mailbox):
                guard serial == recordSerial else { return }
                log(time, "record", name: program.mailboxNames[mailbox])
            case .queueStatus:
                feed(.queueStatus(position: call.options.queuePosition, estimatedWait: call.options.estimatedWait), at: time)
            case .recordingStop(let serial, let reason, let duration):
                guard serial == recordSerial else { return }
                recordSerial += 1
                recording = false
                log(time, "record-end", value: "\(reason.rawValue) \(Transcript.number(duration))s")
                feed(.recordingStopped(reason, duration: duration), at: time)
            }
        }

        mutating func feed(_ event: CallEvent, at time: Double) {
            actions.removeAll(keepingCapacity: true)
            call.interpreter.handle(event, now: time, call: &state, actions: &actions)
            let batch = actions
            for action in batch { perform(action, at: time) }
        }

        mutating func perform(_ action: CallAction, at time: Double) {
            switch action {
            case .enterStep(let step):
                log(time, "step", name: program.stepNames[step])
            case .play(let list, _):
                playSerial += 1
                var at = time
                for prompt in list {
                    heap.push(.promptStarted(serial: playSerial, prompt: prompt), at: at)
                    at += call.options.promptLengths[program.promptNames[prompt]] ?? call.options.defaultPromptLength
                }
                heap.push(.promptDone(serial: playSerial), at: at)
            case .stopPlaying:
                playSerial += 1
                log(time, "stop-prompt")
            case .startMusic(let music):
                log(time, "music", name: program.musicNames[music])
            case .stopMusic:
                break
            case .startTimer(let id, let delay):
                armed.insert(id.rawValue)
                heap.push(.timer(id), at: time + delay)
            case .cancelTimer(let id):
                armed.remove(id.rawValue)
            case .record(let request):
                startRecording(request, at: time)
            case .stopRecording:
                recordSerial += 1
                recording = false
                let duration = max(0, time - recordStart)
                log(time, "record-end", value: "finish-key \(Transcript.number(duration))s")
                feed(.recordingStopped(.finishKey, duration: duration), at: time)
            case .saveRecording(let mailbox, let duration):
                log(time, "voicemail", name: program.mailboxNames[mailbox], value: "saved \(Transcript.number(duration))s")
            case .discardRecording(let mailbox, let duration):
                log(time, "voicemail", name: program.mailboxNames[mailbox], value: "dropped \(Transcript.number(duration))s (too short)")
            case .enqueue(let request):
                let topic = request.topic >= 0 ? program.values[request.topic] : nil
                log(time, "enqueue", name: program.queueNames[request.queue], value: topic.map { "topic \($0)" })
                // No agents: the caller stays where the options put them (first in line, wait unknown by default).
                heap.push(.queueStatus, at: time)
            case .leaveQueue(let queue, let reason):
                log(time, "leave-queue", name: program.queueNames[queue], value: Self.describe(reason))
            case .createCallback(let request):
                createCallback(request, at: time)
            case .hangUp(let result):
                outcome = result
                log(time, "hangup", value: result.result.rawValue)
            }
        }

        mutating func startRecording(_ request: RecordRequest, at time: Double) {
            var start = time
            if request.beep {
                log(time, "beep")
                start += call.options.beepLength
            }
            recordStart = start
            recordSerial += 1
            recording = true
            heap.push(.recordStarted(serial: recordSerial, mailbox: request.mailbox), at: start)
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
            heap.push(.recordingStop(serial: recordSerial, reason: reason, duration: duration), at: stop)
        }

        mutating func createCallback(_ request: CallbackRequest, at time: Double) {
            let number = request.number?.string ?? call.options.callerID ?? "withheld"
            switch request.due {
            case .asap: callbackDue = "asap"
            case .keepPlace: callbackDue = "keep-place"
            case .at(let seconds): callbackDue = ScriptedCall.localISO(Date(timeIntervalSince1970: seconds), program.timeZone)
            }
            var detail = "\(number) due \(callbackDue ?? "asap")"
            if case .keepPlace(let joined) = request.due { detail += " (joined at \(Transcript.number(joined))s)" }
            log(time, "callback", name: program.queueNames[request.queue], value: detail)
        }

        static func describe(_ reason: QueueLeaveReason) -> String {
            switch reason {
            case .exitWithKey(let key): return "key \(key.character)"
            case .timeout: return "timeout"
            case .abandon: return "abandon"
            }
        }

        mutating func log(_ t: Double, _ type: String, name: String? = nil, value: String? = nil) {
            events.append(Transcript.Event(t: (t * 1000).rounded() / 1000, type: type, name: name, value: value))
        }

        func transcript() -> Transcript {
            var result = Transcript.Outcome(result: outcome.result.rawValue)
            if outcome.queue >= 0 { result.queue = program.queueNames[outcome.queue] }
            if outcome.mailbox >= 0 { result.mailbox = program.mailboxNames[outcome.mailbox] }
            if outcome.callback && outcome.callbackQueue >= 0 {
                result.callback = program.queueNames[outcome.callbackQueue]
                result.callbackDue = callbackDue
            }
            var transcript = Transcript(flow: program.name, callerID: call.options.callerID,
                                        startedAt: ScriptedCall.localISO(call.options.start, program.timeZone),
                                        events: events, outcome: result)
            transcript.startedIn = ScriptedCall.weekday(call.options.start, program.timeZone) + ", " + program.timeZone.identifier
            return transcript
        }
    }

    /// `2026-11-23T18:30:00` in `zone`.
    public static func localISO(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }

    /// The English weekday name of `date` in `zone`, e.g. `Monday`.
    public static func weekday(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEEE"
        return formatter.string(from: date)
    }

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
