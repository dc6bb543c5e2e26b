import Foundation
import Testing

/// `sip: registrar:`: `ivr serve` registers at a registrar (sipp) that asks for digest
/// credentials; the password comes from a file or the environment and is never logged or shown.
@Suite("SIP: registration with digest credentials", .serialized)
struct SIPRegistrationTests {
    static let password = "s3cret-Pass-7731"

    /// A registrar that challenges the first REGISTER (401) and answers 200 only to a REGISTER
    /// whose digest matches user `store` and the password; anything else gets 403.
    static let registrar = SippScenarios.scenario("registrar", """
          <recv request="REGISTER"/>
          \(SippScenarios.reply("401 Unauthorized", headers: ["WWW-Authenticate: Digest realm=\"switchboard.test\", nonce=\"8a2c1f0e5d7b3a9c\", algorithm=MD5"]))
          <recv request="REGISTER">
            <action><verifyauth assign_to="authvalid" username="store" password="\(password)"/></action>
          </recv>
          <nop hide="true" test="authvalid" next="good"/>
          \(SippScenarios.reply("403 Forbidden", next: "done"))
          <label id="good"/>
          \(SippScenarios.reply("200 OK", headers: ["[last_Contact:];expires=600"]))
          <label id="done"/>
        """)

    @Test(.enabled(if: Tool.exists(SippScenarios.binary)))
    func registersWithTheDigestPasswordFromAFileAndNeverShowsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipreg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passwordFile = folder.appendingPathComponent("sip-password").path
        try (Self.password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let registrar = try SippScenarios.phone(Self.registrar, named: "registrar", calls: 1, in: folder)
        defer { registrar.stop() }
        let server = try SIPTestServer(sipExtra: "registrar: {uri: \"sip:127.0.0.1:\(registrar.port)\", user: store, password_file: \"\(passwordFile)\"}")
        defer { _ = server.stop() }
        #expect(server.waitFor("sip: registration of sip:store@127.0.0.1:\(registrar.port) at sip:127.0.0.1:\(registrar.port): registered",
                               seconds: 15), "\(server.log)")
        let status = try IvrBinary.run(["line", "status", "--data", server.data]).stdout
        #expect(status.contains("sip registration sip:store@127.0.0.1:\(registrar.port) at sip:127.0.0.1:\(registrar.port) registered"),
                "\(status)")
        #expect(!status.contains(Self.password))
        #expect(registrar.wait(seconds: 5) == 0, "the registrar saw a valid digest for store")
        #expect(server.stop() == 0)
        #expect(!server.log.contains(Self.password), "the password is never logged")
    }

    @Test func aMissingPasswordVariableIsAnErrorThatNamesItButNoValue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipreg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("serve.yaml").path
        try """
            flow: \(LiveCallCommandTests.root.appendingPathComponent("flows/store.yaml").path)
            data: data
            sip:
              listen: "127.0.0.1:\(try FreePort.udp())"
              registrar: {uri: "sip:127.0.0.1:5099", user: store, password_env: IVR_TEST_UNSET_SIP_PASSWORD}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try IvrBinary.run(["serve", config])
        #expect(result.status != 0)
        #expect(result.stderr.contains("serve.yaml:5: error: the environment variable IVR_TEST_UNSET_SIP_PASSWORD (the registrar password) is not set"),
                "\(result.stderr)")
    }
}
