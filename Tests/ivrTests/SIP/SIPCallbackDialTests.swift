import Foundation
import Testing

/// `ivr callback next --agent alice --dial`: the server rings alice's SIP phone, then the
/// customer through the trunk, joins them, and records the outcome on the callback once.
@Suite("SIP: callbacks dialled through a trunk", .serialized)
struct SIPCallbackDialTests {
    static let at = "2026-11-24T10:00:00Z"

    /// A server whose trunk is `trunk` (with {number}), alice's phone at `alicePort`, and callback 1
    /// for +442079460018 reserved for alice.
    static func server(trunk: String, alicePort: UInt16, sipExtra: String = "") throws -> SIPTestServer {
        let server = try SIPTestServer(sipExtra: "trunk: \"\(trunk)\"" + (sipExtra.isEmpty ? "" : ", " + sipExtra), extraConfig: """
            agents:
              alice: {station: "sip:alice@127.0.0.1:\(alicePort)"}
            """) { data in
            #expect(try IvrBinary.run(["agent", "add", "alice", "--name", "Alice", "--skills", "orders:1", "--data", data]).status == 0)
            #expect(try IvrBinary.run(["agent", "login", "alice", "--data", data]).status == 0)
            let request = try IvrBinary.run(["callback", "request", "020 7946 0018", "--queue", "orders", "--data", data, "--at", at])
            #expect(request.status == 0, "\(request.stderr)")
        }
        return server
    }

    @Test(.enabled(if: SIPAgentPhoneTests.baresipAvailable))
    func theAgentAndTheCustomerTalkAndTheCallbackIsReached() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipdial-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let aliceSource = folder.appendingPathComponent("alice.wav").path
        let customerSource = folder.appendingPathComponent("customer.wav").path
        let alice = try BaresipPeer(user: "alice", source: aliceSource, autoAnswer: true)
        defer { alice.stop() }
        let customer = try BaresipPeer(user: "+442079460018", source: customerSource, autoAnswer: true)
        defer { customer.stop() }
        let server = try Self.server(trunk: "sip:{number}@127.0.0.1:\(customer.sipPort)", alicePort: alice.sipPort)
        defer { _ = server.stop() }
        let agentSpeech = try SIPAgentPhoneTests.speech("Hello, this is Alice from the shop, calling you back about your parcel.",
                                                        before: 1, after: 6, name: "alice", in: server)
        try FileManager.default.copyItem(atPath: agentSpeech.file, toPath: aliceSource)
        let customerSpeech = try SIPAgentPhoneTests.speech("Thank you for calling back. It arrived this morning after all.",
                                                           before: 2, after: 2, name: "customer", in: server)
        try FileManager.default.copyItem(atPath: customerSpeech.file, toPath: customerSource)
        try alice.dial(nil)
        try customer.dial(nil)

        let next = try IvrBinary.run(["callback", "next", "--agent", "alice", "--dial", "--data", server.data, "--at", Self.at])
        #expect(next.status == 0, "\(next.stderr)\n\(server.log)")
        #expect(next.stdout.contains("callback 1: call +442079460018 (orders)"), "\(next.stdout)")
        #expect(next.stdout.contains("callback 1: talking"), "\(next.stdout)")
        #expect(next.stdout.contains("callback 1: done reached"), "\(next.stdout)")
        #expect(server.waitFor("callback 1: reached recorded; closed", seconds: 5), "\(server.log)")
        let show = try IvrBinary.run(["callback", "show", "1", "--data", server.data])
        #expect(show.stdout.contains("reached"), "\(show.stdout)")
        #expect(show.stdout.components(separatedBy: "  reached  alice  ").count == 2, "one attempt recorded: \(show.stdout)")
        #expect(customer.waitFor("CALL_CLOSED", seconds: 10) || !customer.isRunning)
        #expect(server.stop() == 0)
        let heardByCustomer = try #require(customer.heardPath)
        let heardByAlice = try #require(alice.heardPath)
        let aliceInCustomer = try SIPAgentPhoneTests.locate(agentSpeech.speech, in: heardByCustomer)
        let customerInAlice = try SIPAgentPhoneTests.locate(customerSpeech.speech, in: heardByAlice)
        #expect(aliceInCustomer > 0.7, "the customer heard alice: \(aliceInCustomer)")
        #expect(customerInAlice > 0.7, "alice heard the customer: \(customerInAlice)")
    }

    @Test(.enabled(if: SIPAgentPhoneTests.baresipAvailable && SIPAgentPhoneTests.sippAvailable))
    func aBusyNumberIsRecordedAsBusyAndRetried() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipdial-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alice = try Self.silentAgentPhone(in: folder)
        defer { alice.stop() }
        let trunk = try SippScenarios.phone(SippScenarios.busyPhone, named: "trunk", calls: 1, in: folder)
        defer { trunk.stop() }
        let server = try Self.server(trunk: "sip:{number}@127.0.0.1:\(trunk.port)", alicePort: alice.sipPort)
        defer { _ = server.stop() }
        try alice.dial(nil)
        let next = try IvrBinary.run(["callback", "next", "--agent", "alice", "--dial", "--data", server.data, "--at", Self.at])
        #expect(next.status == 0, "\(next.stderr)\n\(server.log)")
        #expect(next.stdout.contains("callback 1: done busy"), "\(next.stdout)\n\(server.log)")
        #expect(trunk.wait(seconds: 5) == 0, "the trunk got the INVITE for +442079460018, answered 486 and got the ACK")
        #expect(server.waitFor("callback 1: busy recorded; next attempt due", seconds: 5), "\(server.log)")
        #expect(alice.waitFor("CALL_CLOSED", seconds: 5), "alice's phone was hung up")
        let show = try IvrBinary.run(["callback", "show", "1", "--json", "--data", server.data])
        #expect(show.stdout.contains("\"attempts\" : 1"), "\(show.stdout)")
        #expect(show.stdout.contains("\"status\" : \"pending\""), "\(show.stdout)")
        #expect(show.stdout.contains("486 Busy Here"), "\(show.stdout)")
        #expect(server.stop() == 0)
    }

    /// alice's auto-answering baresip phone, saying nothing for 20 s (a sox file in `folder`).
    static func silentAgentPhone(in folder: URL) throws -> BaresipPeer {
        let quiet = folder.appendingPathComponent("quiet.wav").path
        try Tool.run("/usr/bin/sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", quiet, "trim", "0", "20"])
        return try BaresipPeer(user: "alice", source: quiet, autoAnswer: true)
    }

    static let trunkPassword = "tr-Unk-5521-pass"

    /// A trunk that asks for credentials (401 WWW-Authenticate; sipp's `verifyauth` reads only
    /// `Authorization`), checks the digest of the second INVITE against user `store` and the password, then rings (180) for 3.5 s and answers 486;
    /// a wrong or missing digest gets 403.
    static let challengingBusyTrunk = SippScenarios.scenario("challenging-trunk", """
          <recv request="INVITE"/>
          \(SippScenarios.reply("401 Unauthorized",
                                headers: ["WWW-Authenticate: Digest realm=\"trunk.test\", nonce=\"5f3a9c1e7b2d4a60\", algorithm=MD5"]))
          <recv request="ACK"/>
          <recv request="INVITE">
            <action><verifyauth assign_to="authvalid" username="store" password="\(trunkPassword)"/></action>
          </recv>
          <nop hide="true" test="authvalid" next="good"/>
          \(SippScenarios.reply("403 Forbidden", next: "end"))
          <label id="good"/>
          \(SippScenarios.reply("180 Ringing"))
          <pause milliseconds="3500"/>
          \(SippScenarios.reply("486 Busy Here"))
          <label id="end"/>
          <recv request="ACK"/>
        """)

    @Test(.enabled(if: SIPAgentPhoneTests.baresipAvailable && SIPAgentPhoneTests.sippAvailable))
    func aChallengingTrunkGetsTheDigestAndTheAgentHearsRingbackMeanwhile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipdial-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passwordFile = folder.appendingPathComponent("trunk-password").path
        try (Self.trunkPassword + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let alice = try Self.silentAgentPhone(in: folder)
        defer { alice.stop() }
        let trunk = try SippScenarios.phone(Self.challengingBusyTrunk, named: "trunk", calls: 1, in: folder)
        defer { trunk.stop() }
        let server = try Self.server(trunk: "sip:{number}@127.0.0.1:\(trunk.port)", alicePort: alice.sipPort,
                                     sipExtra: "outbound_auth: {user: store, password_file: \"\(passwordFile)\"}")
        defer { _ = server.stop() }
        try alice.dial(nil)
        let next = try IvrBinary.run(["callback", "next", "--agent", "alice", "--dial", "--data", server.data, "--at", Self.at])
        #expect(next.status == 0, "\(next.stderr)\n\(server.log)")
        #expect(next.stdout.contains("callback 1: done busy"), "the digest was accepted, then 486: \(next.stdout)\n\(server.log)")
        #expect(trunk.wait(seconds: 5) == 0, "the trunk checked the digest of store's second INVITE")
        #expect(server.log.contains("answering a digest challenge for realm \"trunk.test\" as store"), "\(server.log)")
        #expect(alice.waitFor("CALL_CLOSED", seconds: 5), "alice's phone was hung up")
        #expect(server.stop() == 0)
        #expect(!server.log.contains(Self.trunkPassword), "the password is never logged")
        // alice heard the UK ringback (400+450 Hz) while the customer's phone rang.
        let heard = try #require(alice.heardPath)
        let toneBlocks = try #require(WAVSamples.toneBlocks(in: heard, frequencies: [400, 450]))
        #expect(toneBlocks >= 4, "100 ms blocks of ringback alice heard: \(toneBlocks)")
    }
}
