import CLibre
import Foundation

/// Incoming INVITEs: the offer, the answer, ringing, and the session's life on the SIP thread.
extension SIPServer {
    /// A new INVITE outside any dialog (SIP thread).
    func invite(_ msg: UnsafePointer<sip_msg>) {
        let callID = text(sb_msg_callid, msg)
        guard lock.withLock({ callsByNumber.count }) < settings.maxCalls else {
            log("sip: refused \(callID): \(settings.maxCalls) calls in progress (503, retry after \(settings.retryAfterSeconds) s)")
            _ = sb_reply(sip, msg, 503, "Service Unavailable", settings.retryAfterSeconds)
            return
        }
        guard sb_msg_has_body(msg) else {
            log("sip: refused \(callID): INVITE without an SDP offer (488)")
            _ = sb_reply(sip, msg, 488, "Not Acceptable Here", 0)
            return
        }
        let caller = CallerNumber.e164(assertedUser: text(sb_msg_pai_user, msg), fromUser: text(sb_msg_from_user, msg))
        let called = text(sb_msg_ruri_user, msg)
        let offer: Offer
        switch negotiate(msg) {
        case .success(let value): offer = value
        case .failure(let refusal):
            log("sip: refused \(callID): \(refusal.reason) (\(refusal.code))")
            _ = sb_reply(sip, msg, refusal.code, refusal.code == 488 ? "Not Acceptable Here" : "Service Unavailable", 0)
            return
        }
        let number = lock.withLock {
            defer { nextNumber += 1 }
            return nextNumber
        }
        let call = SIPCall(number: number, callID: callID, caller: caller, called: called, media: offer.media, server: self)
        call.sdp = offer.session
        call.sdpMedia = offer.audio
        call.answerBody = offer.answer
        let arg = Unmanaged.passUnretained(call).toOpaque()
        var session: OpaquePointer?
        _ = sip_reply(sip, msg, 100, "Trying")  // stateless: the transaction is the session's, below
        let err = sb_sess_accept(&session, sessionSocket, msg, 180, "Ringing", "switchboard",
            { descp, msg, arg in
                guard let arg, let descp, let msg else { return EINVAL }
                return Unmanaged<SIPCall>.fromOpaque(arg).takeUnretainedValue().reoffer(descp, msg)
            },
            { _, _ in 0 },
            { _, arg in
                guard let arg else { return }
                let call = Unmanaged<SIPCall>.fromOpaque(arg).takeUnretainedValue()
                call.owner?.log("sip: call \(call.number) established")
            },
            { sip, msg, arg in
                guard let arg, let msg else { return }
                Unmanaged<SIPCall>.fromOpaque(arg).takeUnretainedValue().info(sip, msg)
            },
            { err, _, arg in
                guard let arg else { return }
                let call = Unmanaged<SIPCall>.fromOpaque(arg).takeUnretainedValue()
                call.owner?.closed(call, error: err)
            }, arg)
        guard err == 0, let session else {
            log("sip: cannot accept \(callID): error \(err)")
            call.freeSignalling()
            offer.media.release()
            _ = sb_reply(sip, msg, 500, "Server Internal Error", 0)
            return
        }
        call.session = session
        lock.withLock { callsByNumber[number] = call }
        log("sip: call \(number) from \(caller ?? "withheld") to \(called.isEmpty ? "-" : called) codec \(offer.media.codec.rawValue) (call-id \(callID))")
        if settings.ringSeconds > 0 {
            let timer = UnsafeMutablePointer<tmr>.allocate(capacity: 1)
            tmr_init(timer)
            call.ringTimer = timer
            tmr_start(timer, UInt64(settings.ringSeconds * 1000), { arg in
                guard let arg else { return }
                let call = Unmanaged<SIPCall>.fromOpaque(arg).takeUnretainedValue()
                call.owner?.answer(call)
            }, arg)
        } else {
            answer(call)
        }
    }

    /// 200 OK with the SDP answer; the call's media clock starts now (SIP thread).
    func answer(_ call: SIPCall) {
        guard let session = call.session, !call.answered, !call.isRemoteHungUp else { return }
        let err = sb_sess_answer(session, 200, "OK", call.answerBody)
        if let body = call.answerBody { sb_deref(UnsafeMutableRawPointer(body)) }
        call.answerBody = nil
        guard err == 0 else {
            log("sip: call \(call.number): cannot answer (error \(err))")
            call.remoteEnded()
            post(.release(call.number))
            return
        }
        call.answered = true
        call.media.startClock()
        onCall(call)
    }

    /// The dialog ended from the other side (BYE, CANCEL) or failed (SIP thread).
    func closed(_ call: SIPCall, error: Int32) {
        let why = call.answered ? (error == ECONNRESET ? "caller hung up" : "dialog failed (\(String(cString: strerror(error))))")
            : "caller gave up before the answer"
        log("sip: call \(call.number) ended: \(why)")
        call.remoteEnded()
        call.sessionClosed = true
        if !call.answered { post(.release(call.number)) }
    }

    /// Ends the dialog (BYE if it is still up) and frees everything of call `number` (SIP thread).
    func releaseCall(_ number: Int) {
        guard let call = lock.withLock({ callsByNumber.removeValue(forKey: number) }) else { return }
        if call.answered && !call.sessionClosed { log("sip: call \(number): hanging up (BYE)") }
        call.freeSignalling()
        call.media.release()
    }

    /// A header or the reason phrase of `msg`, read by one of the shim's `sb_msg_…` readers ("" if none).
    func text(_ read: (UnsafePointer<sip_msg>?, UnsafeMutablePointer<CChar>?, Int) -> Int,
              _ msg: UnsafePointer<sip_msg>?) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBufferPointer { read(msg, $0.baseAddress, $0.count) }
        guard count > 0 else { return "" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
