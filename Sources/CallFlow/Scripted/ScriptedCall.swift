import Foundation

/// Runs one call on virtual time against a ``KeyScript``: the small driver behind `ivr call --keys`.
///
/// Prompts last as long as their WAV files (durations supplied by the caller of ``run``), the
/// queue has no agents (the caller holds until `max_wait`, an exit key or hanging up), and
/// recordings stop on the step's finish keys, silence after the script's `talk`, or max length.
public struct ScriptedCall {
    /// How the scripted call behaves.
    public struct Options: Sendable {
        /// Caller ID presented to the flow (nil: withheld).
        public var callerID: String?
        /// When the call starts.
        public var start: Date
        /// Seconds each prompt lasts, by prompt name; missing prompts use `defaultPromptLength`.
        public var promptLengths: [String: Double]
        /// Length of a prompt missing from `promptLengths`.
        public var defaultPromptLength: Double = 2
        /// Gap before each key of a run (`42#`), in seconds.
        public var keyGap: Double = 0.3
        /// Length of the beep before a recording.
        public var beepLength: Double = 0.5
        /// A caller still connected after this long hangs up (flows without `max_wait`).
        public var maxCallLength: Double = 3600
        /// The place in line the queue reports on joining (there are no agents: it never changes).
        public var queuePosition = 1
        /// The estimated wait, in seconds, the queue reports on joining (-1: unknown, not read out).
        public var estimatedWait: Double = -1

        /// Options for a call from `callerID` starting at `start`.
        public init(callerID: String?, start: Date, promptLengths: [String: Double] = [:]) {
            self.callerID = callerID; self.start = start; self.promptLengths = promptLengths
        }
    }

    enum Item {
        case digit(PhoneKey)
        case callerHangUp
        case timer(TimerID)
        case promptStarted(serial: UInt32, prompt: Int)
        case promptDone(serial: UInt32)
        case recordingStop(serial: UInt32, reason: RecordingStopReason, duration: Double)
        case queueStatus
        case recordStarted(serial: UInt32, mailbox: Int)
    }

    let interpreter: CallInterpreter
    let options: Options
    var program: FlowProgram { interpreter.program }

    /// A runner for `program` with `options`.
    public init(program: FlowProgram, options: Options) {
        interpreter = CallInterpreter(program: program)
        self.options = options
    }

    /// Runs the whole call and returns its transcript.
    public func run(_ script: KeyScript) -> Transcript {
        var run = Run(call: self)
        return run.execute(script)
    }

    /// Talk spans and the moments of keys and hang-up, laid out from the script.
    static func layout(_ script: KeyScript, keyGap: Double) -> (keys: [(Double, PhoneKey)], talk: [(Double, Double)], hangup: Double?) {
        var cursor = 0.0
        var keys: [(Double, PhoneKey)] = []
        var talk: [(Double, Double)] = []
        for token in script.tokens {
            switch token {
            case .keys(let run):
                for key in run { cursor += keyGap; keys.append((cursor, key)) }
            case .wait(let seconds): cursor += seconds
            case .talk(let seconds): talk.append((cursor, cursor + seconds)); cursor += seconds
            case .hangup: return (keys, talk, cursor)
            }
        }
        return (keys, talk, nil)
    }
}
