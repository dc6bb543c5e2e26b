import ChildProcesses
import Foundation

/// sipp scenarios and a background runner for the agents-on-SIP-phones tests.
extension SippScenarios {
    /// An agent's phone that is busy: every INVITE gets 486 Busy Here.
    static let busyPhone = scenario("busy-phone", """
          <recv request="INVITE"/>
          \(SippScenarios.reply("486 Busy Here"))
          <recv request="ACK"/>
        """)

    /// An agent's phone behind a PBX that asks for credentials (407 Proxy-Authenticate), checks
    /// that the second INVITE carries a Proxy-Authorization digest for `user` in its realm, then
    /// answers busy (sipp's `verifyauth` reads only `Authorization`, so the scenario checks the
    /// header's shape, a missing one failing it, and the test recomputes the digest from sipp's trace).
    static func challengingBusyPhone(user: String) -> String {
        scenario("challenging-phone", """
          <recv request="INVITE"/>
          \(SippScenarios.reply("407 Proxy Authentication Required",
                                headers: ["Proxy-Authenticate: Digest realm=\"phones.test\", nonce=\"9b1d3c5e7f2a4b6c\", algorithm=MD5"]))
          <recv request="ACK"/>
          <recv request="INVITE">
            <action>
              <ereg regexp="Proxy-Authorization: *Digest " search_in="msg" check_it="true" assign_to="digest"/>
              <ereg regexp="username=&quot;\(user)&quot;" search_in="msg" check_it="true" assign_to="user"/>
              <ereg regexp="realm=&quot;phones.test&quot;" search_in="msg" check_it="true" assign_to="realm"/>
              <ereg regexp="response=&quot;[0-9a-f]{32}&quot;" search_in="msg" check_it="true" assign_to="response"/>
            </action>
          </recv>
          <Reference variables="digest,user,realm,response"/>
          \(SippScenarios.reply("486 Busy Here"))
          <recv request="ACK"/>
        """)
    }

    /// An agent's phone that rings and is never answered: 180, then the caller's CANCEL gets 200
    /// and the INVITE 487 Request Terminated.
    static let ringingPhone = scenario("ringing-phone", """
          <recv request="INVITE">
            <action><ereg regexp="CSeq: *([0-9]+)" search_in="msg" assign_to="all,inviteCSeq"/></action>
          </recv>
          <Reference variables="all"/>
          \(SippScenarios.reply("180 Ringing"))
          <recv request="CANCEL" timeout="30000"/>
          \(SippScenarios.reply("200 OK"))
          \(SippScenarios.reply("487 Request Terminated", cseq: "CSeq: [$inviteCSeq] INVITE"))
          <recv request="ACK"/>
        """)

    /// An agent's phone that answers (G.711 µ-law), then holds the call with its own re-INVITE
    /// (sendonly; our answer must say recvonly) for `seconds`, resumes (sendrecv) for 3 s and
    /// hangs up. The re-INVITEs go to the Contact of our INVITE, in its dialog (our From tag).
    static func holdingPhone(seconds: Int) -> String {
        let dialog = """
            From: <sip:carol@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
            To: <[$fromuri]>;tag=[$fromtag]
            Call-ID: [call_id]
            """
        func request(_ method: String, cseq: Int, direction: String? = nil) -> String {
            let body = direction.map { sdp("audio [media_port] RTP/AVP 0 101") + "a=\($0)\n" } ?? ""
            return """
              <send><![CDATA[
            \(method) [$contact] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            \(dialog)
            CSeq: \(cseq) \(method)
            Contact: <sip:carol@[local_ip]:[local_port]>
            Max-Forwards: 70
            \(body.isEmpty ? "" : "Content-Type: application/sdp\n")Content-Length: [len]

            \(body)
              ]]></send>
            """
        }
        func reInvite(cseq: Int, direction: String, expect answer: String, variable: String) -> String {
            request("INVITE", cseq: cseq, direction: direction) + """

              <recv response="200">
                <action><ereg regexp="a=\(answer)" search_in="body" check_it="true" assign_to="\(variable)"/></action>
              </recv>
              <Reference variables="\(variable)"/>
            """ + request("ACK", cseq: cseq)
        }
        return scenario("holding-phone", """
              <recv request="INVITE">
                <action>
                  <ereg regexp="Contact: *&lt;?(sip:[^&gt;;[:space:]]*)" search_in="msg" check_it="true" assign_to="c,contact"/>
                  <ereg regexp="From:[^&lt;]*&lt;([^&gt;]*)&gt;;tag=([^;[:space:]]*)" search_in="msg" check_it="true" assign_to="f,fromuri,fromtag"/>
                </action>
              </recv>
              <Reference variables="c,f"/>
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:carol@[local_ip]:[local_port]>
            Content-Type: application/sdp
            Content-Length: [len]

            \(sdp("audio [media_port] RTP/AVP 0 101"))
              ]]></send>
              <recv request="ACK"/>
              <pause milliseconds="1000"/>
            """ + reInvite(cseq: 1, direction: "sendonly", expect: "recvonly", variable: "held") + """
              <pause milliseconds="\(seconds * 1000)"/>
            """ + reInvite(cseq: 2, direction: "sendrecv", expect: "sendrecv", variable: "resumed") + """
              <pause milliseconds="3000"/>
            """ + request("BYE", cseq: 3) + """
              <recv response="200"/>
            """)
    }

    /// A caller who is answered, stays `seconds` on the line (in the queue), then hangs up.
    static func waitingCaller(seconds: Int) -> String {
        scenario("waiting-caller", answeredCall + """
          <pause milliseconds="\(seconds * 1000)"/>
        """ + inDialog("BYE", cseq: 2) + """
          <recv response="200"/>
        """)
    }

    /// Starts sipp as a phone (UAS) on a free 127.0.0.1 port, answering up to `calls` calls with
    /// `scenario`; stopped by PID when the returned process is (``BackgroundSipp/stop()``) or dropped.
    static func phone(_ scenario: String, named name: String, calls: Int, in folder: URL, extra: [String] = []) throws -> BackgroundSipp {
        let file = folder.appendingPathComponent("\(name).xml")
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        let port = try FreePort.udp()
        return try BackgroundSipp(port: port, arguments: ["-sf", file.path, "-i", "127.0.0.1", "-p", String(port),
                                                          "-m", String(calls), "-timeout", "60", "-nostdin",
                                                          "-trace_err", "-error_file", folder.appendingPathComponent("\(name)-errors.log").path] + extra,
                                  in: folder)
    }
}

/// sipp running in the background (a phone waiting for calls), killed by its PID.
final class BackgroundSipp: @unchecked Sendable {
    let port: UInt16
    let process: ChildProcess

    init(port: UInt16, arguments: [String], in folder: URL) throws {
        self.port = port
        process = try ChildProcess(SippScenarios.binary, arguments, directory: folder.path)
        usleep(300_000)                      // let it bind its port
    }

    deinit { stop() }

    /// Waits up to `seconds` for sipp to finish its calls; its status, or nil if it is still running.
    func wait(seconds: Double) -> Int32? {
        process.wait(seconds: seconds)?.status
    }

    /// Kills sipp by its PID if it still runs.
    func stop() {
        process.stop(SIGKILL)
    }
}
