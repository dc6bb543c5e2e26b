import CallFlow

/// What happens at a scheduled instant of a simulation run.
///
/// Events that belong to a call carry the call's slot and generation; a slot is reused
/// after its call ends, so an event whose generation no longer matches is dropped.
enum SimEvent {
    /// A caller who abandoned calls again (same caller number).
    case redial(number: UInt32)
    /// The conversation of agent `agent` with the call in `slot` ends.
    case talkEnd(agent: Int32, slot: Int32, generation: UInt32)
    /// Agent `agent`'s wrap-up time is over.
    case wrapEnd(agent: Int32)
    /// Agent `agent` finished a callback attempt.
    case callbackEnd(agent: Int32, reached: Bool)
    /// The prompts of a `play` have been played (`serial` matches the play).
    case promptDone(slot: Int32, generation: UInt32, serial: UInt32)
    /// An interpreter timer fired.
    case timer(slot: Int32, generation: UInt32, id: TimerID)
    /// The caller presses a key.
    case key(slot: Int32, generation: UInt32, key: DTMFKey)
    /// The caller's voicemail message ended (silence detected or maximum length).
    case recordingDone(slot: Int32, generation: UInt32, duration: Double, maxed: Bool)
    /// An offer to `agent` (-1: every member ringing under `ring-all`) for the call in `slot`
    /// rang for the queue's `ring_timeout` without an answer (agents with `no_answer`);
    /// `serial` matches the wait it belongs to.
    case ringOut(agent: Int32, slot: Int32, generation: UInt32, serial: UInt32)
    /// An agent group's scheduled head-count changes.
    case shift(group: Int32, count: Int32)
    /// The queue manager asked to be woken (callbacks coming due, reservations).
    case wakeUp
}
