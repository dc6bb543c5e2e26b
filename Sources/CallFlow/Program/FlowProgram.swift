import Foundation
import PhoneNumbers

/// A flow compiled for running: steps, prompts, queues and values as integer indices.
///
/// Built once by ``FlowCompiler`` from YAML and shared (read-only) by every call. Drivers
/// map indices back to names with the `…Names` tables (e.g. a ``CallAction/play(_:interruptible:)``
/// carries prompt indices into ``promptNames``).
public final class FlowProgram: Sendable {
    /// The flow's name (`name:` in the file, else the file name).
    public let name: String
    /// Step names, by step index.
    public let stepNames: [String]
    /// Index of the first step.
    public let start: Int
    /// Prompt names, by prompt index. Files are `prompts/<name>.wav`.
    public let promptNames: [String]
    /// Queue names, by queue index.
    public let queueNames: [String]
    /// Mailbox names, by mailbox index.
    public let mailboxNames: [String]
    /// Hold music names, by music index (a file or folder the driver loops).
    public let musicNames: [String]
    /// Variable names, by variable slot (at most ``VariableSlots/capacity``).
    public let variableNames: [String]
    /// Interned text values (variable values, topics), by value index.
    public let values: [String]
    /// Schedules, by index, with their names in ``scheduleNames``.
    public let schedules: [BusinessHours]
    /// Schedule names, by schedule index.
    public let scheduleNames: [String]
    /// The flow's time zone (its first schedule's; UTC when it has none): scripted `--at` times are read in it.
    public let timeZone: TimeZone
    /// Where national phone numbers keyed in for a callback are read: the region of ``timeZone``
    /// (`Europe/London`: GB, `Europe/Dublin`: IE, ...), GB when the zone is not a known region's.
    public let phoneRegion: PhoneRegion

    let steps: [Step]
    let menus: [MenuStep]
    let queues: [QueueStep]
    let voicemails: [VoicemailStep]
    let callbacks: [CallbackStep]
    let choices: [MenuChoice]
    let assignments: [Assignment]
    let initialVariables: VariableSlots
    /// Prompt indices for `digit-0` ... `digit-9` (-1 when absent), used to read phone numbers back.
    let digitPrompts: [Int]
    /// `digit-oh` ("oh"), said for 0 when a phone number is read back; -1 when absent.
    let ohPrompt: Int
    /// Prompt indices by ``NumberWord/slot`` (-1 when absent), used to read queue numbers out.
    let numberPrompts: [Int]
    /// True when every `number-…` word prompt is present; otherwise numbers are read digit by digit.
    let speaksNumberWords: Bool
    let positionPrompt: Int
    let waitPrompt: Int
    let minutesPrompt: Int
    /// `minute` for a one-minute wait ("about one minute"); -1 when the library lacks it
    /// (then `minutes` is said).
    let minutePrompt: Int

    struct Parts {
        var name = ""
        var stepNames: [String] = []
        var start = 0
        var promptNames: [String] = []
        var queueNames: [String] = []
        var mailboxNames: [String] = []
        var musicNames: [String] = []
        var variableNames: [String] = []
        var values: [String] = []
        var schedules: [BusinessHours] = []
        var scheduleNames: [String] = []
        var steps: [Step] = []
        var menus: [MenuStep] = []
        var queues: [QueueStep] = []
        var voicemails: [VoicemailStep] = []
        var callbacks: [CallbackStep] = []
        var choices: [MenuChoice] = []
        var assignments: [Assignment] = []
        var initialVariables = VariableSlots()
    }

    init(_ p: Parts) {
        name = p.name; stepNames = p.stepNames; start = p.start; promptNames = p.promptNames
        queueNames = p.queueNames; mailboxNames = p.mailboxNames; musicNames = p.musicNames
        variableNames = p.variableNames; values = p.values; schedules = p.schedules
        scheduleNames = p.scheduleNames; steps = p.steps; menus = p.menus; queues = p.queues
        voicemails = p.voicemails; callbacks = p.callbacks; choices = p.choices
        assignments = p.assignments; initialVariables = p.initialVariables
        timeZone = p.schedules.first?.timeZone ?? TimeZone(identifier: "UTC")!
        phoneRegion = PhoneRegion.forTimeZone(timeZone.identifier) ?? .gb
        let index = Dictionary(p.promptNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        digitPrompts = NumberWord.digitPromptNames.map { index[$0] ?? -1 }
        ohPrompt = index["digit-oh"] ?? -1
        numberPrompts = NumberWord.promptNames.map { index[$0] ?? -1 }
        speaksNumberWords = numberPrompts[10...].allSatisfy { $0 >= 0 }
        positionPrompt = index["queue-position"] ?? -1
        waitPrompt = index["queue-wait"] ?? -1
        minutesPrompt = index["minutes"] ?? -1
        minutePrompt = index["minute"] ?? -1
    }

    /// The step index named `name`, or nil.
    public func stepIndex(named name: String) -> Int? { stepNames.firstIndex(of: name) }

    /// The key sequences the `menu` step at index `step` offers, in the flow's order
    /// (e.g. `["1", "2", "3", "0"]`), or nil when that step is not a menu.
    public func menuChoiceKeys(ofStep step: Int) -> [String]? {
        guard steps.indices.contains(step), case .menu(let m) = steps[step] else { return nil }
        return choices[menus[m].choices].map { choice in
            (0..<choice.keys.count).map { String(choice.keys[$0].character) }.joined()
        }
    }

    /// The names of the prompts in `list`.
    public func names(of list: PromptList) -> [String] { list.map { promptNames[$0] } }
}

/// Up to eight variables, each holding a value index (-1 = unset); stored inline.
public struct VariableSlots: Sendable, Hashable {
    /// The most variables a flow may have.
    public static let capacity = 8
    var slots = SIMD8<Int32>(repeating: -1)

    /// All unset.
    public init() {}

    /// The value index in `slot`, or -1.
    public subscript(slot: Int) -> Int {
        get { Int(slots[slot]) }
        set { slots[slot] = Int32(newValue) }
    }
}
