import CLibre
import Foundation

/// Outbound calls: INVITE to a phone with an SDP offer of the configured codecs and
/// telephone-event; the answer picks the codec; CANCEL or BYE when Switchboard hangs up.
extension SIPServer {
    /// Places a call to `uri` (e.g. `sip:alice@127.0.0.1:5062`) from `fromUser` (the caller's
    /// number, or `switchboard`) shown as `displayName`. Returns at once; `onOutcome` is called
    /// once on the SIP thread (it must return quickly) unless the leg is hung up first.
    /// `label` says whom it rings in `ivr line status` (`agent alice`).
    public func dial(_ uri: String, label: String, fromUser: String, displayName: String,
                     onOutcome: @escaping @Sendable (SIPLeg, SIPLeg.Outcome) -> Void) -> SIPLeg {
        let number = lock.withLock {
            defer { nextNumber += 1 }
            return nextNumber
        }
        let safeUser = fromUser.filter { $0.isLetter || $0.isNumber || $0 == "+" }
        let leg = SIPLeg(number: number, uri: uri, label: label, fromUser: safeUser.isEmpty ? "switchboard" : safeUser,
                         displayName: displayName.filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "+" },
                         server: self, onOutcome: onOutcome)
        lock.withLock { legsByNumber[number] = leg }
        post(.dial(number))
        return leg
    }

    /// The calls Switchboard placed that are ringing or up, oldest first.
    public var legs: [SIPLeg] {
        lock.withLock { legsByNumber.keys.sorted().compactMap { legsByNumber[$0] } }
    }

    /// Sends the INVITE of leg `number` (SIP thread).
    func startDial(_ number: Int) {
        guard let leg = lock.withLock({ legsByNumber[number] }), !leg.hasEnded else { return }
        do throws(SIPError) {
            try invite(leg)
            log("sip: leg \(number): ringing \(leg.uri)")
        } catch {
            log("sip: leg \(number): cannot call \(leg.uri): \(error.message)")
            leg.report(.failed(code: 0, reason: error.message))
            releaseLeg(number)
        }
    }

    private func invite(_ leg: SIPLeg) throws(SIPError) {
        guard let local = SDPAudioSession(host: settings.host, codecs: settings.codecs) else { throw SIPError("out of memory") }
        let (session, audio) = (local.session, local.audio)
        leg.sdp = session
        leg.sdpMedia = audio
        let media = try RTPMedia(host: settings.host, ports: settings.rtpPorts, codec: settings.codecs[0],
                                 eventPayloadType: -1, timing: nil)
        leg.media = media
        sdp_media_set_lport(audio, media.localPort)
        var offer: UnsafeMutablePointer<mbuf>?
        guard sdp_encode(&offer, session, true) == 0, let offer else { throw SIPError("cannot write the SDP offer") }
        defer { sb_deref(UnsafeMutableRawPointer(offer)) }
        let from = "sip:\(leg.fromUser)@\(settings.host):\(settings.port)"
        var sess: OpaquePointer?
        let err = sb_sess_connect(&sess, sessionSocket, leg.uri, leg.displayName, from, "switchboard", offer,
            { username, password, realm, arg in
                guard let arg else { return EAUTH }
                return Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().credentials(username, password, realm)
            }, Unmanaged.passUnretained(self).toOpaque(),
            { descp, msg, arg in
                guard let arg, let descp, let msg else { return EINVAL }
                return Unmanaged<SIPLeg>.fromOpaque(arg).takeUnretainedValue().reoffer(descp, msg)
            },
            { msg, arg in
                guard let arg, let msg else { return EINVAL }
                return Unmanaged<SIPLeg>.fromOpaque(arg).takeUnretainedValue().answer(msg)
            },
            { msg, arg in
                guard let arg else { return }
                let code = sb_msg_scode(msg)
                if code == 180 || code == 183 { Unmanaged<SIPLeg>.fromOpaque(arg).takeUnretainedValue().markRinging() }
            },
            { _, arg in
                guard let arg else { return }
                let leg = Unmanaged<SIPLeg>.fromOpaque(arg).takeUnretainedValue()
                leg.owner?.established(leg)
            },
            { err, msg, arg in
                guard let arg else { return }
                let leg = Unmanaged<SIPLeg>.fromOpaque(arg).takeUnretainedValue()
                leg.owner?.legClosed(leg, error: err, msg: msg)
            }, Unmanaged.passUnretained(leg).toOpaque())
        guard err == 0, let sess else {
            throw SIPError("the INVITE could not be sent (\(String(cString: strerror(err)))); check the address")
        }
        leg.session = sess
    }

    /// A 401/407 challenge to an INVITE we sent (SIP thread): the configured credentials
    /// (`outbound_auth`, else the registrar's), or EAUTH without any (the refusal is then the
    /// leg's outcome). libre asks once per realm, so wrong credentials end in the next refusal.
    /// The password goes to libre only; nothing here logs it.
    func credentials(_ username: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                     _ password: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ realm: UnsafePointer<CChar>?) -> Int32 {
        let realmText = String((realm.map { String(cString: $0) } ?? "").filter { $0.isASCII && !$0.isNewline }.prefix(64))
        guard let credentials = settings.outboundCredentials else {
            log("sip: asked for credentials for realm \"\(realmText)\" but none are configured (sip: outbound_auth:)")
            return EAUTH
        }
        log("sip: answering a digest challenge for realm \"\(realmText)\" as \(credentials.user)")
        return sb_str_dup(username, credentials.user) | sb_str_dup(password, credentials.password)
    }

    /// The phone answered (SIP thread): report it if the answer agreed a codec.
    func established(_ leg: SIPLeg) {
        guard leg.media?.agreed == true else {
            log("sip: leg \(leg.number): \(leg.uri) answered without a codec we speak; hanging up")
            leg.report(.failed(code: 488, reason: "no common codec in the answer"))
            leg.hangUp()
            return
        }
        leg.answered = true
        log("sip: leg \(leg.number): \(leg.uri) answered, codec \(leg.codec?.rawValue ?? "?")")
        leg.report(.answered)
    }

    /// The INVITE failed (busy, declined, timeout) or the phone hung up (SIP thread).
    func legClosed(_ leg: SIPLeg, error: Int32, msg: UnsafePointer<sip_msg>?) {
        leg.remoteEnded()
        leg.sessionClosed = true
        if leg.answered {
            log("sip: leg \(leg.number): \(leg.uri) hung up")
        } else {
            let code = Int(sb_msg_scode(msg))
            let phrase = text(sb_msg_reason, msg)
            let reason = code > 0 ? "\(code) \(phrase)" : error == ETIMEDOUT ? "no response (timeout)"
                : "failed (\(String(cString: strerror(error))))"
            log("sip: leg \(leg.number): \(leg.uri) not answered: \(reason)")
            leg.report(.failed(code: code > 0 ? code : (error == ETIMEDOUT ? 408 : 0), reason: reason))
        }
        post(.releaseLeg(leg.number))
    }

    /// Ends leg `number` (CANCEL while ringing, BYE once answered) and frees it (SIP thread).
    func releaseLeg(_ number: Int) {
        guard let leg = lock.withLock({ legsByNumber.removeValue(forKey: number) }) else { return }
        if leg.answered && !leg.sessionClosed { log("sip: leg \(number): hanging up (BYE)") }
        leg.freeSignalling()
    }
}

extension SIPLeg {
    /// The 200 OK's SDP answer: the first of our codecs it lists, its address (SIP thread).
    func answer(_ msg: UnsafePointer<sip_msg>) -> Int32 {
        guard let sdp, let sdpMedia, let media, let owner else { return EINVAL }
        let err = sdp_decode(sdp, msg.pointee.mb, false)
        guard err == 0 else { return err }
        guard let codec = owner.settings.codecs.first(where: { sb_media_offers(sdpMedia, $0.rawValue) }) else { return 0 }
        media.agree(codec: codec, eventPayloadType: Int(sb_media_rpt(sdpMedia, "telephone-event")))
        if let remote = sdp_media_raddr(sdpMedia) { media.setRemote(remote) }
        return 0
    }

    /// A re-INVITE from the phone (hold, new address): answered with the same codec; while the
    /// phone holds (sendonly or inactive) no RTP is sent to it (RFC 3264) (SIP thread).
    func reoffer(_ descp: UnsafeMutablePointer<UnsafeMutablePointer<mbuf>?>, _ msg: UnsafePointer<sip_msg>) -> Int32 {
        guard let sdp, let sdpMedia else { return EINVAL }
        let offer = SDPReoffer.apply(msg, sdp: sdp, sdpMedia: sdpMedia, media: media)
        guard offer.error == 0 else { return offer.error }
        setHeld(!offer.sending)
        owner?.log("sip: leg \(number): \(uri) re-INVITE, media now \(offer.direction) on our side"
            + (offer.sending ? "" : " (held: not sending)"))
        return sdp_encode(descp, sdp, false)
    }
}
