/// One compiled step. Targets are step indices; -1 means "hang up" (the call ends, completed).
enum Step: Sendable {
    case play(PlayStep)
    case menu(Int)          // index into FlowProgram.menus
    case hours(HoursStep)
    case queue(Int)         // index into FlowProgram.queues
    case voicemail(Int)     // index into FlowProgram.voicemails
    case callback(Int)      // index into FlowProgram.callbacks
    case goto(Int)
    case set(assignments: Range<Int>, next: Int)
    case hangup(CallResult?)
}

/// `play`: prompts, interruptible or not, then `next`.
struct PlayStep: Sendable {
    var prompts: PromptList
    var interruptible: Bool
    var next: Int
}

/// `hours`: route by a schedule's status now.
struct HoursStep: Sendable {
    var schedule: Int
    var open: Int
    var closed: Int
    var holiday: Int
}

/// A menu choice (or a queue exit key): keys, where to go, variables to set.
struct MenuChoice: Sendable {
    var keys: KeySequence
    var target: Int
    var assignments: Range<Int>
}

/// A variable assignment: slot gets interned value.
struct Assignment: Sendable {
    var variable: Int
    var value: Int
}

/// `menu`: collect a choice.
struct MenuStep: Sendable {
    var prompt: PromptList
    var shortPrompt: PromptList
    var noInputPrompt: PromptList
    var invalidPrompt: PromptList
    var choices: Range<Int>
    var firstDigitTimeout: Double
    var interDigitTimeout: Double
    var maxDigits: Int
    var terminator: DTMFKey?
    var maxNoInput: Int
    var maxInvalid: Int
    var onNoInput: Int
    var onInvalid: Int
    var interruptible: Bool
}

/// Where a text value comes from: a literal (interned) or a variable.
enum ValueSource: Sendable, Equatable {
    case none
    case literal(Int)
    case variable(Int)
}

/// `queue`: hold until an agent answers, a key, the maximum wait, or an empty queue.
struct QueueStep: Sendable {
    var queue: Int
    var topic: ValueSource
    var music: Int
    var announcement: PromptList
    var announceFirst: Double
    var announceEvery: Double
    var announcePosition: Bool
    var announceWait: Bool
    var exitKeys: KeySet
    var keyTargets: Range<Int>   // into choices
    var maxWait: Double           // 0 = no limit
    /// Which of `maxWait`, `announceEvery`, `announceFirst` the step states itself; the others
    /// come from the queue's settings (`FlowProgram.applyingQueueSettings`).
    var states: StatedTimings
    var onTimeout: Int
    var onEmpty: Int
    var next: Int                 // after the agent call ends
}

/// The queue-step timings a flow states itself (the rest are the queue's).
struct StatedTimings: Sendable, Equatable {
    var maxWait: Bool
    var announceEvery: Bool
    var announceFirst: Bool
}

/// `voicemail`: greeting, beep, record, keep or drop.
struct VoicemailStep: Sendable {
    var mailbox: Int
    var greeting: PromptList
    var record: RecordRequest
    var topic: ValueSource
    var next: Int
    var onTooShort: Int
}

/// When a callback is due.
enum CallbackTiming: Sendable, Equatable {
    case asap
    case keepPlace
    case nextOpening(schedule: Int)
}

/// `callback`: confirm or key in a number, create the request.
struct CallbackStep: Sendable {
    var queue: Int                // -1: the queue the caller last waited in
    var fallbackQueue: Int
    var topic: ValueSource
    var askNumber: Bool
    var confirm: Bool
    var timing: CallbackTiming
    var numberIsPrompt: PromptList
    var confirmPrompt: PromptList
    var askPrompt: PromptList
    var donePrompt: PromptList
    var timeout: Double
    var interDigitTimeout: Double
    var minDigits: Int
    var maxAttempts: Int
    var next: Int
    var onFailure: Int
}
