import SoundIO

/// Rings an agent's phone that is not a sound device (a SIP phone) for an offer.
///
/// `ivr serve` sets one on the shared queue when it has a `sip:` side (``SIPLines``).
public protocol StationDialer: AnyObject, Sendable {
    /// Starts ringing `address` for a caller (`caller` in E.164, nil when withheld). `onAnswer` is
    /// called once, on any thread, unless the returned call is hung up first.
    func ringStation(_ address: String, agentID: String, caller: String?,
                     onAnswer: @escaping @Sendable (StationAnswer) -> Void) -> any StationCall
}

/// How a rung phone answered.
public enum StationAnswer: Sendable {
    /// Answered: the phone's audio and earpiece, and whether it has hung up since.
    case answered(source: any AudioSource, sink: any AudioSink, hungUp: @Sendable () -> Bool)
    /// Busy, declined, unreachable or no answer in time (the reason, for the log).
    case notAnswered(String)
}

/// A phone being rung or talked to: hanging up cancels the ringing or ends the call.
public protocol StationCall: AnyObject, Sendable {
    /// Cancels the ringing (CANCEL) or hangs up (BYE); any thread, any number of times.
    func hangUp()
}
