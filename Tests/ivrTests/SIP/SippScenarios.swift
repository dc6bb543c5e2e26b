import Foundation

/// sipp scenarios for the SIP tests (written to the test's folder at run time).
enum SippScenarios {
    static let binary = "/usr/bin/sipp"

    /// An SDP offer whose media line is `media` (e.g. `audio 6000 RTP/AVP 0 101`).
    static func sdp(_ media: String) -> String {
        """
        v=0
        o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=\(media)
        a=rtpmap:0 PCMU/8000
        a=rtpmap:18 G729/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15

        """
    }

    static func invite(_ media: String, from: String = "+442079460018", asserted: String? = nil) -> String {
        let body = sdp(media)
        let identity = asserted.map { "P-Asserted-Identity: <sip:\($0)@[local_ip]>\n" } ?? ""
        return """
          <send retrans="500"><![CDATA[
        INVITE sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:\(from)@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 INVITE
        Contact: sip:sipp@[local_ip]:[local_port]
        Max-Forwards: 70
        \(identity)Content-Type: application/sdp
        Content-Length: [len]

        \(body)
          ]]></send>
        """
    }

    static let ackForFailure = """
          <send><![CDATA[
        ACK sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        [last_Via:]
        From: sipp <sip:+442079460018@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 1 ACK
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
        """

    /// Waits up to `timeoutMilliseconds` for the IVR's BYE and answers it 200 OK.
    static func confirmBye(timeoutMilliseconds: Int) -> String {
        """
          <recv request="BYE" timeout="\(timeoutMilliseconds)"/>
          <send><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

          ]]></send>
        """
    }

    static func scenario(_ name: String, _ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"\(name)\">\n\(body)\n</scenario>\n"
    }

    /// A response to the request just received (`SIP/2.0 STATUS`, its Via, From, To with our tag,
    /// Call-ID and CSeq copied), with extra `headers` and no body; `next` jumps to a label.
    static func reply(_ status: String, cseq: String = "[last_CSeq:]", headers: [String] = [], next: String? = nil) -> String {
        let lines = ["SIP/2.0 \(status)", "[last_Via:]", "[last_From:]", "[last_To:];tag=[pid]SIPpTag01[call_number]",
                     "[last_Call-ID:]", cseq] + headers + ["Content-Length: 0", ""]
        return "<send\(next.map { " next=\"\($0)\"" } ?? "")><![CDATA[\n" + lines.joined(separator: "\n") + "\n  ]]></send>"
    }

    /// OPTIONS, answered 200.
    static let options = scenario("options", """
          <send><![CDATA[
        OPTIONS sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 OPTIONS
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
          <recv response="200"/>
        """)

    /// An offer of G.729 only, or video only: 488, then ACK.
    static func unsupported(_ media: String) -> String {
        scenario("unsupported", invite(media) + """

          <recv response="100" optional="true"/>
          <recv response="488"/>
        """ + ackForFailure)
    }

    /// INVITE, ringing, CANCEL before the answer: 200 for the CANCEL, 487 for the INVITE, ACK.
    static let cancel = scenario("cancel", invite("audio [media_port] RTP/AVP 0 101") + """

          <recv response="100" optional="true"/>
          <recv response="180"/>
          <send><![CDATA[
        CANCEL sip:ivr@[remote_ip]:[remote_port] SIP/2.0
        [last_Via:]
        From: sipp <sip:+442079460018@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        To: <sip:ivr@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 CANCEL
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
          <recv response="200"/>
          <recv response="487"/>
        """ + ackForFailure)

    /// A call the IVR ends: answered, then the caller waits for the IVR's BYE and confirms it.
    static let byeFromIVR = scenario("bye-from-ivr", invite("audio [media_port] RTP/AVP 0 101", from: "anonymous",
                                                            asserted: "02079460018") + """

          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
          <send><![CDATA[
        ACK [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:anonymous@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: 1 ACK
        Max-Forwards: 70
        Content-Length: 0

          ]]></send>
        """ + confirmBye(timeoutMilliseconds: 30000))

    static func inDialog(_ method: String, cseq: Int, body: String = "") -> String {
        let type = body.isEmpty ? "" : "Content-Type: application/sdp\n"
        return """
          <send><![CDATA[
        \(method) [next_url] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: sipp <sip:+442079460018@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
        [last_To:]
        Call-ID: [call_id]
        CSeq: \(cseq) \(method == "ACK2" ? "ACK" : method)
        Contact: sip:sipp@[local_ip]:[local_port]
        Max-Forwards: 70
        \(type)Content-Length: [len]

        \(body)
          ]]></send>
        """.replacingOccurrences(of: "ACK2 [next_url]", with: "ACK [next_url]")
    }

    /// A caller's INVITE (G.711 µ-law and telephone-event) answered by the IVR, and its ACK.
    static let answeredCall = invite("audio [media_port] RTP/AVP 0 101") + """

          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        """ + inDialog("ACK", cseq: 1)

    /// A re-INVITE offering `direction` (`sendonly` to hold, `sendrecv` to resume), its 200 and
    /// the ACK; with `answer`, the 200's SDP must say `a=answer` (kept in variable `variable`).
    static func reInvite(cseq: Int, direction: String, answer: String? = nil, variable: String = "direction") -> String {
        let response = answer.map { """
              <recv response="200">
                <action><ereg regexp="a=\($0)" search_in="body" check_it="true" assign_to="\(variable)"/></action>
              </recv>
              <Reference variables="\(variable)"/>
            """ } ?? """
              <recv response="200"/>
            """
        return inDialog("INVITE", cseq: cseq, body: sdp("audio [media_port] RTP/AVP 0 101") + "a=\(direction)\n")
            + "\n" + response + "\n" + inDialog("ACK2", cseq: cseq)
    }

    /// Answered, then put on hold with a re-INVITE (sendonly): 200 whose answer says recvonly; then BYE.
    static let hold = scenario("hold", answeredCall + """
          <pause milliseconds="1000"/>
        """ + reInvite(cseq: 2, direction: "sendonly", answer: "recvonly") + """
          <pause milliseconds="1000"/>
        """ + inDialog("BYE", cseq: 3) + """
          <recv response="200"/>
        """)

    /// Answered, held for `seconds` (re-INVITE sendonly, answered recvonly), resumed (re-INVITE
    /// sendrecv, answered sendrecv), then BYE.
    static func holdAndResume(seconds: Int) -> String {
        scenario("hold-resume", answeredCall + """
          <pause milliseconds="1000"/>
        """ + reInvite(cseq: 2, direction: "sendonly", answer: "recvonly", variable: "held") + """
          <pause milliseconds="\(seconds * 1000)"/>
        """ + reInvite(cseq: 3, direction: "sendrecv", answer: "sendrecv", variable: "resumed") + """
          <pause milliseconds="2000"/>
        """ + inDialog("BYE", cseq: 4) + """
          <recv response="200"/>
        """)
    }

    /// Answered; held 0.3 s in (re-INVITE sendonly) for `seconds`, resumed (sendrecv); then
    /// waits for the IVR's BYE and confirms it. A BYE before the resume fails the scenario.
    static func holdThenWaitForBye(seconds: Int) -> String {
        scenario("hold-then-bye", answeredCall + """
          <pause milliseconds="300"/>
        """ + reInvite(cseq: 2, direction: "sendonly") + """
          <pause milliseconds="\(seconds * 1000)"/>
        """ + reInvite(cseq: 3, direction: "sendrecv") + """
        """ + confirmBye(timeoutMilliseconds: 20000))
    }

    /// Runs `scenario` once against 127.0.0.1:`port`; sipp's status (0: every step as expected).
    static func run(_ scenario: String, named name: String, port: UInt16, in folder: URL, extra: [String] = []) throws
        -> (status: Int32, output: String) {
        let file = folder.appendingPathComponent("\(name).xml")
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        let local = try FreePort.udp()
        let media = try FreePort.udp()
        return try Tool.run(binary, ["-sf", file.path, "127.0.0.1:\(port)", "-i", "127.0.0.1", "-p", String(local),
                                     "-mp", String(media), "-m", "1", "-l", "1", "-timeout", "40", "-timeout_error",
                                     "-nostdin", "-trace_err", "-error_file", folder.appendingPathComponent("\(name)-errors.log").path]
                            + extra, in: folder, timeout: 60)
    }
}
