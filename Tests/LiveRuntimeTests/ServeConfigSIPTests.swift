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
}
