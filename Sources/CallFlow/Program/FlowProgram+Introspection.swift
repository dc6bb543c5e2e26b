/// The kind of a step, as written in the flow file.
public enum StepKind: String, Sendable, CaseIterable {
    /// `play`: prompts.
    case play
    /// `menu`: choose by key.
    case menu
    /// `hours`: route by opening hours.
    case hours
    /// `queue`: hold for an agent.
    case queue
    /// `voicemail`: record a message.
    case voicemail
    /// `callback`: request a call back.
    case callback
    /// `goto`: jump.
    case goto
    /// `hangup`: end the call.
    case hangup
    /// `set`: assign variables.
    case set
}

/// Read-only views of the compiled steps for drivers (e.g. the simulator's caller models,
/// which pick a menu choice when they see ``CallAction/enterStep(_:)`` for a menu).
extension FlowProgram {
    /// The kind of step `index`.
    public func kind(ofStep index: Int) -> StepKind {
        switch steps[index] {
        case .play: return .play
        case .menu: return .menu
        case .hours: return .hours
        case .queue: return .queue
        case .voicemail: return .voicemail
        case .callback: return .callback
        case .goto: return .goto
        case .set: return .set
        case .hangup: return .hangup
        }
    }

    /// The key sequences a caller can press at step `index`: a menu's choices or a queue's
    /// exit keys, in file order; empty for other kinds.
    public func choiceKeys(ofStep index: Int) -> [KeySequence] {
        switch steps[index] {
        case .menu(let m): return menus[m].choices.map { choices[$0].keys }
        case .queue(let q): return queues[q].keyTargets.map { choices[$0].keys }
        default: return []
        }
    }

    /// For a menu step, its first-digit and inter-digit timeouts in seconds; nil for other kinds.
    public func menuTimeouts(ofStep index: Int) -> (firstDigit: Double, interDigit: Double)? {
        guard case .menu(let m) = steps[index] else { return nil }
        return (menus[m].firstDigitTimeout, menus[m].interDigitTimeout)
    }
}
