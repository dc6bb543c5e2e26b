/// How many of a queue's members (those who can take live calls) are in each
/// state; kept up to date on every state change so `joinEmpty` and
/// `leaveWhenEmpty` are O(1).
public struct MemberCounts: Sendable, Hashable {
    /// Logged out.
    public var loggedOut = 0
    /// Available.
    public var available = 0
    /// Being offered a call or holding a callback reservation.
    public var ringing = 0
    /// On a call.
    public var onCall = 0
    /// In wrap-up.
    public var wrapUp = 0
    /// On break.
    public var onBreak = 0

    /// An all-zero count.
    public init() {}

    /// Members in `state`.
    public subscript(state: AgentState) -> Int {
        get {
            switch state {
            case .loggedOut: loggedOut
            case .available: available
            case .ringing: ringing
            case .onCall: onCall
            case .wrapUp: wrapUp
            case .onBreak: onBreak
            }
        }
        set {
            switch state {
            case .loggedOut: loggedOut = newValue
            case .available: available = newValue
            case .ringing: ringing = newValue
            case .onCall: onCall = newValue
            case .wrapUp: wrapUp = newValue
            case .onBreak: onBreak = newValue
            }
        }
    }

    /// All members.
    public var total: Int { loggedOut + available + ringing + onCall + wrapUp + onBreak }

    /// Logged in and not on break.
    public var staffed: Int { available + ringing + onCall + wrapUp }

    /// Whether every member is in a state listed in `conditions` (or there are
    /// none); never true for an empty condition set.
    public func isEmpty(under conditions: EmptyConditions) -> Bool {
        guard !conditions.isEmpty else { return false }
        var excluded = 0
        if conditions.contains(.paused) { excluded += onBreak }
        if conditions.contains(.unavailable) { excluded += loggedOut }
        if conditions.contains(.inUse) { excluded += onCall }
        if conditions.contains(.ringing) { excluded += ringing }
        if conditions.contains(.wrapUp) { excluded += wrapUp }
        return total - excluded == 0
    }
}
