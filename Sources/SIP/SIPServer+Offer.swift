import CLibre
import Foundation

/// The SDP offer/answer: one audio stream, the first preferred codec offered, and telephone-event.
extension SIPServer {
    /// A negotiated offer: the SDP session, its audio media, the answer to send, the RTP socket.
    struct Offer {
        var session: OpaquePointer
        var audio: OpaquePointer
        var answer: UnsafeMutablePointer<mbuf>
        var media: RTPMedia
    }

    /// Why an offer is refused: the SIP status code and a reason for the log.
    struct Refusal: Error {
        var code: UInt16
        var reason: String
    }

    /// Reads the INVITE's offer and builds the answer listing only the chosen codec and
    /// telephone-event (if the caller offered it). Video-only, no G.711, or SDP libre cannot
    /// read: 488.
    func negotiate(_ msg: UnsafePointer<sip_msg>) -> Result<Offer, Refusal> {
        guard let local = SDPAudioSession(host: settings.host, codecs: settings.codecs) else {
            return .failure(Refusal(code: 503, reason: "out of memory"))
        }
        let (session, audio, formats, events) = (local.session, local.audio, local.formats, local.events)
        var keep = false
        defer { if !keep { sb_deref(UnsafeMutableRawPointer(session)) } }
        let err = sdp_decode(session, msg.pointee.mb, true)
        guard err == 0 else {
            return .failure(Refusal(code: 488, reason: err == ENOTSUP ? "the offer's first stream is not audio"
                                                                        : "unreadable SDP offer"))
        }
        guard sdp_media_rport(audio) != 0 else { return .failure(Refusal(code: 488, reason: "no audio stream offered")) }
        guard let chosen = settings.codecs.first(where: { sb_media_offers(audio, $0.rawValue) }) else {
            return .failure(Refusal(code: 488, reason: "none of \(settings.codecs.map(\.rawValue).joined(separator: ", ")) offered"))
        }
        for (codec, format) in formats where codec != chosen {
            if let format { sb_deref(UnsafeMutableRawPointer(format)) }
        }
        let eventType = Int(sb_media_rpt(audio, "telephone-event"))
        if eventType < 0, let events { sb_deref(UnsafeMutableRawPointer(events)) }
        let media: RTPMedia
        do {
            media = try RTPMedia(host: settings.host, ports: settings.rtpPorts, codec: chosen, eventPayloadType: eventType,
                                 timing: timing)
        } catch {
            return .failure(Refusal(code: 503, reason: error.message))
        }
        sdp_media_set_lport(audio, media.localPort)
        if let remote = sdp_media_raddr(audio) { media.setRemote(remote) }
        var answer: UnsafeMutablePointer<mbuf>?
        guard sdp_encode(&answer, session, false) == 0, let answer else {
            media.release()
            return .failure(Refusal(code: 503, reason: "cannot write the SDP answer"))
        }
        keep = true
        return .success(Offer(session: session, audio: audio, answer: answer, media: media))
    }
}

extension SIPCall {
    /// A re-INVITE's offer (hold with sendonly/inactive, or a new address): answered with the same
    /// codec; while held no RTP is sent (RFC 3264) and the flow is told (``onHold``) (SIP thread).
    func reoffer(_ descp: UnsafeMutablePointer<UnsafeMutablePointer<mbuf>?>, _ msg: UnsafePointer<sip_msg>) -> Int32 {
        guard let sdp, let sdpMedia else { return EINVAL }
        let offer = SDPReoffer.apply(msg, sdp: sdp, sdpMedia: sdpMedia, media: media)
        guard offer.error == 0 else { return offer.error }
        let sending = offer.sending
        owner?.log("sip: call \(number): re-INVITE, media now \(offer.direction) on our side" + (sending ? "" : " (held: not sending)"))
        // The flow hears the hold and the resume: its prompts and key timeouts wait for the caller.
        if held == sending {
            held = !sending
            onHold?(held)
        }
        return sdp_encode(descp, sdp, false)
    }

    /// SIP INFO: `application/dtmf-relay` (`Signal=5`) becomes a key; always 200 (SIP thread).
    func info(_ sip: OpaquePointer?, _ msg: UnsafePointer<sip_msg>) {
        if let mb = msg.pointee.mb, let bytes = sb_mbuf_bytes(mb) {
            let body = String(decoding: UnsafeBufferPointer(start: bytes, count: min(sb_mbuf_left(mb), 512)), as: UTF8.self)
            if let range = body.range(of: "Signal="), let key = body[range.upperBound...].first(where: { !$0.isWhitespace }),
               "0123456789*#ABCD".contains(key) {
                media.onKey?(key)
            }
        }
        _ = sb_reply(sip, msg, 200, "OK", 0)
    }

    /// Frees the session (sending BYE if it is still up), SDP and ring timer (SIP thread).
    func freeSignalling() {
        if let ringTimer {
            tmr_cancel(ringTimer)
            ringTimer.deallocate()
        }
        ringTimer = nil
        if let session { sb_deref(UnsafeMutableRawPointer(session)) }
        session = nil
        if let answerBody { sb_deref(UnsafeMutableRawPointer(answerBody)) }
        answerBody = nil
        if let sdp { sb_deref(UnsafeMutableRawPointer(sdp)) }
        sdp = nil
        sdpMedia = nil
    }
}
