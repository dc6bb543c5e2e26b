import CLibre
import Foundation
import SoundIO

/// One SIP call: who called which number, its codec, its RTP ports and counters.
///
/// The SIP thread owns the libre objects behind it; other threads read its fields (under a lock)
/// and reach the call only through ``hangUp()`` and its ``source`` and ``sink``.
public final class SIPCall: @unchecked Sendable {
    /// The server's number for the call (unique while the server runs).
    public let number: Int
    /// The SIP Call-ID.
    public let callID: String
    /// The caller in E.164, nil when withheld.
    public let caller: String?
    /// The user part of the request URI: the number (or name) the caller dialled.
    public let called: String
    /// The codec both sides agreed on.
    public let codec: SIPSettings.Codec
    /// The caller's audio, paced by the call's media clock (valid once the call is answered).
    public private(set) lazy var source = RTPSource(media: media, call: self)
    /// Where the flow's audio goes (valid once the call is answered).
    public private(set) lazy var sink = RTPSink(media: media, call: self)

    let media: RTPMedia
    private weak var server: SIPServer?
    private let lock = NSLock()
    private var remoteHungUp = false
    private var lineDone = false
    private var detail = "ringing"
    // SIP thread only.
    var session: OpaquePointer?
    var sdp: OpaquePointer?
    var sdpMedia: OpaquePointer?
    var answerBody: UnsafeMutablePointer<mbuf>?
    var ringTimer: UnsafeMutablePointer<tmr>?
    var answered = false
    var sessionClosed = false
    var held = false
    /// Called on the SIP thread when the caller holds (true) or resumes (false); set it before the media starts.
    public var onHold: (@Sendable (Bool) -> Void)?

    init(number: Int, callID: String, caller: String?, called: String, media: RTPMedia, server: SIPServer) {
        self.number = number
        self.callID = callID
        self.caller = caller
        self.called = called
        codec = media.codec
        self.media = media
        self.server = server
    }

    /// The server that owns the call (nil once it is gone).
    var owner: SIPServer? { server }

    /// Called on the SIP thread with each RFC 4733 key; set it before the media starts.
    public var onKey: (@Sendable (Character) -> Void)? {
        get { media.onKey }
        set { media.onKey = newValue }
    }

    /// What the call is doing, for `ivr line status` (the engine's step, queue, ...).
    public var state: String {
        get { lock.withLock { detail } }
        set { lock.withLock { detail = newValue } }
    }

    /// Packets received and sent, packets lost, interarrival jitter (ms).
    public var statistics: (received: Int, sent: Int, lost: Int, jitterMilliseconds: Double) { media.statistics }

    /// True once the caller hung up (BYE, CANCEL) or the dialog failed.
    public var isRemoteHungUp: Bool { lock.withLock { remoteHungUp } }

    /// Restarts the call's media clock now (the line thread, as it starts running the call): tick n
    /// and packet n are timed from here, so the line thread's start-up is not taken from the first
    /// packets' slack.
    public func startMediaClock() { media.startClock() }

    /// Hangs up from Switchboard's side (any thread): the source reports the end, the line stops
    /// and closes its ports, which sends BYE.
    public func hangUp() {
        lock.withLock { remoteHungUp = true }
    }

    /// The caller left (SIP thread).
    func remoteEnded() { lock.withLock { remoteHungUp = true } }

    /// The engine closed the source or sink: once, let the packets already queued leave (unless
    /// the caller hung up), then ask the SIP thread to end the dialog and free the media.
    func lineClosed() {
        let first = lock.withLock {
            defer { lineDone = true }
            return !lineDone
        }
        guard first else { return }
        media.finishSending(flush: !isRemoteHungUp)
        server?.post(.release(number))
    }
}
