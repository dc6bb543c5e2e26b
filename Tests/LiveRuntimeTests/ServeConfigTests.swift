import Testing
@testable import LiveRuntime

/// The serve configuration: lines, agents, paths, and errors as FILE:LINE: error.
struct ServeConfigTests {
    @Test func readsLinesAgentsAndPaths() throws {
        let config = try ServeConfig.parse("""
            flow: flows/store.yaml
            data: /var/lib/ivr
            lines:
              line1: {device: "plughw:Loopback,1,0"}
              line2: {playback: play2, capture: cap2}
            agents:
              alice: {station: "plughw:Headset"}
              bob: {}
            """, file: "/etc/ivr/serve.yaml")
        #expect(config.flow == "/etc/ivr/flows/store.yaml")
        #expect(config.data == "/var/lib/ivr")
        #expect(config.lines == [.init(name: "line1", playback: "plughw:Loopback,1,0", capture: "plughw:Loopback,1,0"),
                                 .init(name: "line2", playback: "play2", capture: "cap2")])
        #expect(config.agents.map(\.id) == ["alice", "bob"])
        #expect(config.agents.map(\.station) == ["plughw:Headset", nil])
        #expect(config.agents.map(\.autoAnswer) == [true, true])
        #expect(config.ringTimeouts.isEmpty)
    }

    @Test func readsAutoAnswerAndRingTimeouts() throws {
        let config = try ServeConfig.parse("""
            flow: store.yaml
            lines:
              line1: {device: x}
            agents:
              carol: {station: desk, auto_answer: false}
            queues:
              orders: {timeout: 20}
              general: {timeout: 7.5}
            """, file: "serve.yaml")
        #expect(config.agents.first?.autoAnswer == false)
        #expect(config.ringTimeouts == ["orders": 20, "general": 7.5])
    }

    @Test func readsTheEchoCancellerPerLine() throws {
        let config = try ServeConfig.parse("""
            flow: store.yaml
            lines:
              line1: {device: a}
              line2: {device: b, echo_tail: 128ms}
              line3: {device: c, echo_canceller: off}
              line4: {device: d, echo_canceller: on, echo_tail: 32}
            """, file: "serve.yaml")
        #expect(config.lines.map { $0.echoCanceller?.tailMilliseconds } == [64, 128, nil, 32])
    }

    @Test func readsTheEchoCancellerOfSIPCalls() throws {
        // Off by default on SIP (phones and gateways cancel their own echo); on when asked for.
        let plain = try ServeConfig.parse("flow: store.yaml\nsip: {listen: \"127.0.0.1:5060\"}\n", file: "serve.yaml")
        #expect(plain.sip != nil && plain.sip?.echoCanceller == nil)
        let on = try ServeConfig.parse("flow: store.yaml\nsip: {echo_canceller: on}\n", file: "serve.yaml")
        #expect(on.sip?.echoCanceller?.tailMilliseconds == 64)
        let longer = try ServeConfig.parse("flow: store.yaml\nsip: {echo_canceller: on, echo_tail: 200ms}\n", file: "serve.yaml")
        #expect(longer.sip?.echoCanceller?.tailMilliseconds == 200)
        let off = try ServeConfig.parse("flow: store.yaml\nsip: {echo_canceller: off}\n", file: "serve.yaml")
        #expect(off.sip != nil && off.sip?.echoCanceller == nil)
        errorsNameTheLine(text: "flow: f.yaml\nsip:\n  echo_canceller: maybe\n",
                          expected: "serve.yaml:3: error: echo_canceller of line sip must be on or off")
        errorsNameTheLine(text: "flow: f.yaml\nsip:\n  echo_tail: 200ms\n",
                          expected: "serve.yaml:3: error: echo_tail under sip: needs echo_canceller: on")
    }

    @Test(arguments: [
        ("flow: f.yaml\nlines:\n  l: {device: x, echo_canceller: maybe}\n", "serve.yaml:3: error: echo_canceller of line l must be on or off"),
        ("flow: f.yaml\nlines:\n  l: {device: x, echo_tail: 2s}\n", "serve.yaml:3: error: echo_tail of line l must be milliseconds from 8 to 512"),
        ("flow: f.yaml\nlines:\n  l: {device: x, echo_tail: 1000ms}\n", "serve.yaml:3: error: echo_tail of line l must be milliseconds"),
    ])
    func echoSettingErrorsNameTheLine(text: String, expected: String) {
        errorsNameTheLine(text: text, expected: expected)
    }

    @Test(arguments: [
        ("flow: f.yaml\nlines:\n  line1: {}\n", "serve.yaml:3: error: line line1 needs device: PCM"),
        ("flow: f.yaml\nline:\n  line1: {device: x}\n", "serve.yaml:2: error: unknown key 'line'"),
        ("lines:\n  line1: {device: x}\n", "serve.yaml:1: error: missing flow:"),
        ("flow: f.yaml\nlines:\n  line1: {device: x}\nagents:\n  alice: {phone: x}\n", "serve.yaml:5: error: unknown key 'phone' for agent alice"),
        ("flow: f.yaml\nlines: [\n", "serve.yaml:"),
        ("flow: f.yaml\nlines:\n  l: {device: x}\nagents:\n  carol: {auto_answer: maybe}\n", "serve.yaml:5: error: auto_answer of agent carol must be true or false"),
        ("flow: f.yaml\nlines:\n  l: {device: x}\nqueues:\n  orders: {timeout: 0}\n", "serve.yaml:5: error: timeout of queue orders must be seconds greater than 0"),
        ("flow: f.yaml\nlines:\n  l: {device: x}\nqueues:\n  orders: {ring: 5}\n", "serve.yaml:5: error: unknown key 'ring' for queue orders; expected timeout or retry"),
    ])
    func errorsNameTheLine(text: String, expected: String) {
        #expect(throws: ServeConfigError.self) { try ServeConfig.parse(text, file: "serve.yaml") }
        do { _ = try ServeConfig.parse(text, file: "serve.yaml") } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}

extension ServeConfigTests {
    /// The same input checks as flows: no crash on deep nesting, no raw control bytes echoed.
    @Test func deepNestingAndControlCharactersAreLocated() {
        let deep = "flow: f.yaml\nlines: " + String(repeating: "[", count: 100_000) + "\n"
        let nested = #expect(throws: ServeConfigError.self) { try ServeConfig.parse(deep, file: "serve.yaml") }
        #expect(nested?.description.hasPrefix("serve.yaml:2: error: column ") == true, "\(String(describing: nested))")
        #expect(nested?.description.contains("nest more than 64 levels deep") == true)
        let control = #expect(throws: ServeConfigError.self) {
            try ServeConfig.parse("flow: f.yaml\nlines: {line1: {device: \u{1B}x}}\n", file: "serve.yaml")
        }
        #expect(control?.description == "serve.yaml:2: error: column 25: control character U+001B (ESC) is not allowed in YAML text: remove it (was the file saved as text?)")
    }
}
