import CLibre
import Foundation
import SoundIO

/// A call Switchboard places to a phone (an agent's SIP station): INVITE with an SDP offer,
/// ringing, then answered, or refused (busy, declined, not found) or timed out.
///
/// The SIP thread owns its libre objects; other threads read its state under a lock and reach it
/// only through ``hangUp()`` and, once answered, its ``source`` and ``sink``. Its outcome is
/// reported once (``SIPLeg/Outcome``), on the SIP thread, unless ``hangUp()`` came first.
public final class SIPLeg: @unchecked Sendable {
    /// How the phone answered the INVITE.
    public enum Outcome: Sendable, Equatable {
        /// 200 OK with a usable SDP answer: the leg's source and sink carry the call.
        case answered
        /// Not answered: the final status code (486 busy, 480, 603 declined, 408 no answer in
        /// time, 0 when no response came or the call could not be placed) and why.
        case failed(code: Int, reason: String)
    }

    /// The server's number for the leg.
    public let number: Int
    /// Where it rings, e.g. `sip:alice@127.0.0.1:5062`.
    public let uri: String
    /// Whom it rings, for `ivr line status` (`agent alice`, `customer +442079460018`).
    public let label: String
    /// The user part of the From URI (the caller's number when known), and the display name.
    let fromUser: String
    let displayName: String
    /// The phone's audio (non-blocking: the line that bridges it sets the pace).
    public private(set) lazy var source = RTPLegSource(leg: self)
    /// Audio to the phone, sent as soon as each 20 ms packet is whole.
    public private(set) lazy var sink = RTPLegSink(leg: self)

    private weak var server: SIPServer?
    private let onOutcome: @Sendable (SIPLeg, Outcome) -> Void
    private let lock = NSLock()
    private var reported = false
    private var remoteHungUp = false
    private var localHungUp = false
    private var rang = false
    private var held = false
    // SIP thread only (media is set before `answered` is reported, then read by the line).
    var media: RTPMedia?
    var session: OpaquePointer?
    var sdp: OpaquePointer?
    var sdpMedia: OpaquePointer?
    var answered = false
    var sessionClosed = false

    init(number: Int, uri: String, label: String, fromUser: String, displayName: String, server: SIPServer,
         onOutcome: @escaping @Sendable (SIPLeg, Outcome) -> Void) {
        self.number = number
        self.uri = uri
        self.label = label
        self.fromUser = fromUser
        self.displayName = displayName
        self.server = server
        self.onOutcome = onOutcome
    }

    /// The server that owns the leg (nil once it is gone).
    var owner: SIPServer? { server }

    /// True once the phone hung up (BYE), the dialog failed, or Switchboard hung up.
    public var hasEnded: Bool { lock.withLock { remoteHungUp || localHungUp } }

    /// True once the phone said it rings (180 Ringing, or 183 Session Progress).
    public var isRinging: Bool { lock.withLock { rang } }

    /// The phone rings (SIP thread).
    func markRinging() { lock.withLock { rang = true } }

    /// True while the phone holds the call (its last re-INVITE offered sendonly or inactive):
    /// nothing is sent to it until it resumes.
    public var isHeld: Bool { lock.withLock { held } }

    /// The phone held (true) or resumed (false) (SIP thread).
    func setHeld(_ on: Bool) { lock.withLock { held = on } }

    /// The codec agreed with the phone (valid once answered).
    public var codec: SIPSettings.Codec? { media?.codec }

    /// `ringing` until answered, then `talking` until either side hangs up, then `ended`.
    public var state: String {
        if hasEnded { return "ended" }
        return media?.agreed == true ? "talking" : "ringing"
    }

    /// Packets received and sent, packets lost, interarrival jitter (ms) (zeros before the media exists).
    public var statistics: (received: Int, sent: Int, lost: Int, jitterMilliseconds: Double) {
        media?.statistics ?? (0, 0, 0, 0)
    }

    /// Hangs up from Switchboard's side (any thread, any number of times): CANCEL while it rings,
    /// BYE once answered. No outcome is reported after this.
    public func hangUp() {
        let first = lock.withLock {
            defer { localHungUp = true; reported = true }
            return !localHungUp
        }
        if first { server?.post(.releaseLeg(number)) }
    }

    /// Reports the outcome once (SIP thread).
    func report(_ outcome: Outcome) {
        let first = lock.withLock {
            defer { reported = true }
            return !reported
        }
        if first { onOutcome(self, outcome) }
    }

    /// The phone hung up or the dialog failed (SIP thread).
    func remoteEnded() { lock.withLock { remoteHungUp = true } }

    /// Frees the session (CANCEL or BYE if still up), SDP and media (SIP thread).
    func freeSignalling() {
        if let session { sb_deref(UnsafeMutableRawPointer(session)) }
        session = nil
        if let sdp { sb_deref(UnsafeMutableRawPointer(sdp)) }
        sdp = nil
        sdpMedia = nil
        media?.release()
    }
}

/// A phone's audio on an outbound leg: one packet from the jitter buffer per read, or silence,
/// without waiting (the caller's line, which bridges it, keeps the time). Returns 0 once the
/// phone has hung up.
public final class RTPLegSource: AudioSource, @unchecked Sendable {
    /// `rtp:sip:…`, for messages.
    public let name: String
    /// 160 frames: one 20 ms packet.
    public let periodFrames = RTPMedia.packetSamples
    /// Frames delivered.
    public let clock = SampleClock()
    private let leg: SIPLeg

    init(leg: SIPLeg) {
        self.leg = leg
        name = "rtp:\(leg.uri)"
    }

    /// Copies one packet of the phone's audio (silence if none is due); 0 once the leg ended.
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        guard !leg.hasEnded, let media = leg.media else { return 0 }
        let count = min(buffer.count, periodFrames)
        media.takeAudio(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        clock.advance(by: count)
        return count
    }

    /// Hangs up the leg.
    public func close() { leg.hangUp() }
}

/// Audio to the phone on an outbound leg: whole 20 ms G.711 packets, sent as they are written.
public final class RTPLegSink: AudioSink, @unchecked Sendable {
    /// `rtp:sip:…`, for messages.
    public let name: String
    /// 160 frames: one 20 ms packet.
    public let periodFrames = RTPMedia.packetSamples
    /// Frames sent.
    public let clock = SampleClock()
    private let leg: SIPLeg

    init(leg: SIPLeg) {
        self.leg = leg
        name = "rtp:\(leg.uri)"
    }

    /// Encodes and sends; throws once the leg has ended.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError) {
        guard !leg.hasEnded, let media = leg.media else {
            throw AudioLineError(kind: .failed, pcm: name, operation: "send", alsa: "the phone has hung up")
        }
        media.send(samples)
        clock.advance(by: samples.count)
    }

    /// Nothing is queued beyond the packet being sent.
    public func drain() throws(AudioLineError) {}

    /// Hangs up the leg.
    public func close() { leg.hangUp() }
}
