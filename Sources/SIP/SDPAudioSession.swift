import CLibre

/// A local SDP session with one audio stream listing `codecs` (their static payload types) and
/// telephone-event 101 (0-15): the start of both our answers (``SIPServer/negotiate(_:)``) and
/// our offers (an outbound leg's INVITE).
struct SDPAudioSession {
    /// The session (one reference, the caller's to release).
    let session: OpaquePointer
    /// Its audio media.
    let audio: OpaquePointer
    /// Each codec's format in the media (nil if libre could not add it).
    let formats: [(codec: SIPSettings.Codec, format: UnsafeMutablePointer<sdp_format>?)]
    /// The telephone-event format.
    let events: UnsafeMutablePointer<sdp_format>?

    /// Allocates the session on `host` (nil when out of memory).
    init?(host: String, codecs: [SIPSettings.Codec]) {
        var local = sa()
        _ = sb_sa_set(&local, host, 0)
        var session: OpaquePointer?
        guard sdp_session_alloc(&session, &local) == 0, let session else { return nil }
        var audio: OpaquePointer?
        guard sdp_media_add(&audio, session, "audio", 0, "RTP/AVP") == 0, let audio else {
            sb_deref(UnsafeMutableRawPointer(session))
            return nil
        }
        var formats: [(codec: SIPSettings.Codec, format: UnsafeMutablePointer<sdp_format>?)] = []
        for codec in codecs {
            var format: UnsafeMutablePointer<sdp_format>?
            _ = sb_format_add(&format, audio, String(codec.payloadType), codec.rawValue, nil)
            formats.append((codec, format))
        }
        var events: UnsafeMutablePointer<sdp_format>?
        _ = sb_format_add(&events, audio, "101", "telephone-event", "0-15")
        self.session = session
        self.audio = audio
        self.formats = formats
        self.events = events
    }
}
