/// What an agent is doing, as supervisors and the queue manager see it.
///
/// Names follow FreeSWITCH mod_callcenter and Asterisk: an agent who is not
/// logged in gets nothing; `available` agents are offered callers and callbacks.
public enum AgentState: String, Sendable, Codable, CaseIterable {
    /// Not working: receives no calls and no callbacks.
    case loggedOut = "logged-out"
    /// Logged in and free to be offered a caller or a callback.
    case available
    /// Being offered a call that has not been answered yet.
    case ringing
    /// Talking to a caller or working a callback.
    case onCall = "on-call"
    /// After-call work; becomes available when wrap-up time has passed.
    case wrapUp = "wrap-up"
    /// Logged in but paused (Asterisk PAUSE, FreeSWITCH On Break).
    case onBreak = "on-break"
}
