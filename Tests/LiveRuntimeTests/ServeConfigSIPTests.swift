import CallQueue
import Foundation
import SIP
import Testing
@testable import LiveRuntime

/// The `sip:` section of serve.yaml: defaults, every key, per-number flows, and located errors.
struct ServeConfigSIPTests {
    @Test func listenAloneIsEnoughAndLinesBecomeOptional() throws {
        let config = try ServeConfig.parse("flow: store.yaml\nsip: {listen: \"127.0.0.1:5070\"}\n", file: "/etc/ivr/serve.yaml")
        let sip = try #require(config.sip)
        #expect(config.lines.isEmpty)
        #expect(sip.settings == SIPSettings(host: "127.0.0.1", port: 5070))
        #expect(sip.flows.isEmpty)
        let defaults = try ServeConfig.parse("flow: store.yaml\nsip:\n", file: "serve.yaml")
        #expect(defaults.sip?.settings.listen == "127.0.0.1:5060")
    }

    @Test func readsEveryKeyBesideALSALines() throws {
        let config = try ServeConfig.parse("""
            lines:
              line1: {device: x}
            sip:
              listen: "0.0.0.0:5080"
              max_calls: 500
              codecs: [pcma, PCMU]
              rtp_ports: 20000-20999
              ring_seconds: 2
              flows:
                default: flows/store.yaml
                "+442079460099": flows/returns.yaml
            """, file: "/etc/ivr/serve.yaml")
        let sip = try #require(config.sip)
        #expect(config.lines.map(\.name) == ["line1"])
        #expect(config.flow == "/etc/ivr/flows/store.yaml")
        #expect(sip.settings == SIPSettings(host: "0.0.0.0", port: 5080, maxCalls: 500, codecs: [.pcma, .pcmu],
                                            rtpPorts: 20000...20999, ringSeconds: 2))
        #expect(sip.flows == ["default": "/etc/ivr/flows/store.yaml", "+442079460099": "/etc/ivr/flows/returns.yaml"])
    }

    @Test func mistakesAreLocated() {
        func error(_ text: String) -> String {
            do { _ = try ServeConfig.parse(text, file: "serve.yaml"); return "" } catch { return error.description }
        }
        #expect(error("flow: f.yaml\nsip:\n  listen: 5060\n") == "serve.yaml:3: error: sip listen must be ADDRESS:PORT, e.g. \"127.0.0.1:5060\"")
        #expect(error("flow: f.yaml\nsip:\n  codecs: [G729]\n").hasPrefix("serve.yaml:3: error: unknown codec 'G729'"))
        #expect(error("flow: f.yaml\nsip:\n  rtp_ports: 9-5\n").hasPrefix("serve.yaml:3: error: sip rtp_ports must be LOW-HIGH"))
        #expect(error("flow: f.yaml\nsip:\n  password: x\n").hasPrefix("serve.yaml:3: error: unknown key 'password' under sip:"))
        #expect(error("flow: f.yaml\n").contains("missing lines:"))
    }

    @Test func agentsOnSIPPhonesAndTheTrunk() throws {
        let config = try ServeConfig.parse("""
            flow: f.yaml
            sip:
              listen: "127.0.0.1:5070"
              trunk: "sip:{number}@pbx.example:5060"
            agents:
              alice: {station: "sip:alice@192.0.2.10:5062"}
              bob: {station: "plughw:1,0"}
            """, file: "serve.yaml")
        #expect(config.sip?.trunk == "sip:{number}@pbx.example:5060")
        let alice = try #require(config.agents.first { $0.id == "alice" })
        let bob = try #require(config.agents.first { $0.id == "bob" })
        #expect(alice.sipStation == "sip:alice@192.0.2.10:5062" && alice.pcmStation == nil)
        #expect(bob.sipStation == nil && bob.pcmStation == "plughw:1,0")
    }

    @Test func sipPhoneAndTrunkMistakesAreLocated() {
        func error(_ text: String) -> String {
            do { _ = try ServeConfig.parse(text, file: "serve.yaml"); return "" } catch { return error.description }
        }
        #expect(error("flow: f.yaml\nlines:\n  l1: {device: x}\nagents:\n  alice: {station: \"sip:alice@h:5062\"}\n")
            .hasPrefix("serve.yaml:5: error: agent alice's station is a SIP phone, but there is no sip: section"))
        #expect(error("flow: f.yaml\nsip:\nagents:\n  alice: {station: \"sip:alice\"}\n")
            .hasPrefix("serve.yaml:4: error: station of agent alice must be a SIP address"))
        #expect(error("flow: f.yaml\nsip:\nagents:\n  alice: {station: \"sip:a@h\", auto_answer: false}\n")
            .hasPrefix("serve.yaml:4: error: auto_answer does not apply to agent alice's SIP phone"))
        #expect(error("flow: f.yaml\nsip:\n  trunk: \"sip:pbx.example\"\n")
            .hasPrefix("serve.yaml:3: error: sip trunk must be a SIP address with {number}"))
    }

    @Test func theTrunksAnswerBecomesTheCallbackOutcome() {
        #expect(CallbackDialer.outcome(code: 486) == .busy)
        #expect(CallbackDialer.outcome(code: 600) == .busy)
        #expect(CallbackDialer.outcome(code: 404) == .wrongNumber)
        #expect(CallbackDialer.outcome(code: 484) == .wrongNumber)
        #expect(CallbackDialer.outcome(code: 480) == .noAnswer)
        #expect(CallbackDialer.outcome(code: 408) == .noAnswer)
        #expect(CallbackDialer.outcome(code: 503) == .noAnswer)
        #expect(CallbackDialer.outcome(code: 0) == .noAnswer)
        #expect(CallbackDialer.uri(trunk: "sip:{number}@pbx.example", number: "+44 20 7946 0018") == "sip:+442079460018@pbx.example")
        #expect(CallbackDialer.uri(trunk: "sip:9{number}@10.0.0.1:5080", number: "<script>02079460018") == "sip:902079460018@10.0.0.1:5080")
    }

    @Test func outboundCredentialsComeFromTheEnvironmentOrTheRegistrarAndNeverShow() throws {
        // The environment is given, not set: setenv while other tests read the environment
        // (Yams does on every parse) crashed the parallel suite once (strlen of a freed entry).
        let environment = ["IVR_TEST_OUTBOUND_PASSWORD": "0ut-B0und-Secret"]
        let own = try ServeConfig.parse("""
            flow: f.yaml
            sip:
              outbound_auth: {user: trunk7, password_env: IVR_TEST_OUTBOUND_PASSWORD}
              registrar: {uri: "sip:pbx.example", user: store, password_env: IVR_TEST_OUTBOUND_PASSWORD}
            """, file: "serve.yaml", environment: environment)
        let credentials = try #require(own.sip?.settings.outboundCredentials)
        #expect(credentials.user == "trunk7" && credentials.password == "0ut-B0und-Secret")
        #expect(!"\(credentials) \(String(reflecting: credentials)) \(String(describing: own.sip))".contains("0ut-B0und"))
        // Without outbound_auth a challenged call answers with the registrar's account.
        let borrowed = try ServeConfig.parse("""
            flow: f.yaml
            sip:
              registrar: {uri: "sip:pbx.example", user: store, password_env: IVR_TEST_OUTBOUND_PASSWORD}
            """, file: "serve.yaml", environment: environment)
        #expect(borrowed.sip?.settings.outboundCredentials == SIPSettings.Credentials(user: "store", password: "0ut-B0und-Secret"))
        let none = try ServeConfig.parse("flow: f.yaml\nsip:\n", file: "serve.yaml", environment: environment)
        #expect(none.sip?.settings.outboundCredentials == nil)
    }

    @Test func outboundCredentialMistakesAreLocatedWithoutThePassword() {
        func error(_ text: String) -> String {
            do { _ = try ServeConfig.parse(text, file: "serve.yaml"); return "" } catch { return error.description }
        }
        #expect(error("flow: f.yaml\nsip:\n  outbound_auth: {user: store, password: hunter2}\n")
            .hasPrefix("serve.yaml:3: error: unknown key 'password' under sip outbound_auth:"))
        #expect(!error("flow: f.yaml\nsip:\n  outbound_auth: {user: store, password: hunter2}\n").contains("hunter2"))
        #expect(error("flow: f.yaml\nsip:\n  outbound_auth: {user: store, password_env: IVR_TEST_UNSET_OUTBOUND}\n")
            == "serve.yaml:3: error: the environment variable IVR_TEST_UNSET_OUTBOUND (the outbound_auth password) is not set")
        #expect(error("flow: f.yaml\nsip:\n  outbound_auth: {password_env: X}\n")
            .hasPrefix("serve.yaml:3: error: sip outbound_auth needs user:"))
    }
}
