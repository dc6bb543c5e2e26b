import CLibre

/// What a re-INVITE's offer changed for a dialog's media.
struct SDPReoffer {
    /// libre's error from decoding the offer (0: decoded and applied).
    let error: Int32
    /// False while the peer holds us (it offered sendonly or inactive): we send no RTP (RFC 3264 §8.4).
    let sending: Bool
    /// Our side's direction after the offer (`sendrecv`, `recvonly`, `inactive`), for the log.
    let direction: String

    /// Decodes the re-INVITE `msg`'s offer into `sdp`, points `media` at the address it gives and
    /// switches sending off while the peer holds (SIP thread). The answer is then `sdp` re-encoded.
    static func apply(_ msg: UnsafePointer<sip_msg>, sdp: OpaquePointer, sdpMedia: OpaquePointer, media: RTPMedia?) -> SDPReoffer {
        let err = sdp_decode(sdp, msg.pointee.mb, true)
        guard err == 0 else { return SDPReoffer(error: err, sending: true, direction: "") }
        if let remote = sdp_media_raddr(sdpMedia) { media?.setRemote(remote) }
        let sending = (sdp_media_dir(sdpMedia).rawValue & SDP_SENDONLY.rawValue) != 0
        media?.setSending(sending)
        return SDPReoffer(error: 0, sending: sending, direction: String(cString: sdp_dir_name(sdp_media_rdir(sdpMedia))))
    }
}
