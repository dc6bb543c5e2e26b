import ChildProcesses
import Foundation
import RealClockHarness
import Testing

/// docs/LIVE.md's bridge recipe, run for real: `ivr serve` on PulseAudio null sinks, baresip
/// answering SIP on the other side of them, `scripts/baresip-bridge` between the two, and a
/// second baresip as the caller dialling in on 127.0.0.1 with RFC 4733 keys.
@Suite("baresip bridge", .serialized)
struct BaresipBridgeTests {
    static let root = LiveCallCommandTests.root

    /// A greeting, "1" for a message (beep, no prompt, to keep the test short), the message ended by "#".
    static let flow = """
        name: bridge-check
        start: greeting
        steps:
          greeting:
            play: greeting
            interruptible: true
            next: menu
          menu:
            menu: main-menu
            choices:
              "1": {goto: leave-message}
            timeout: 5s
            max_no_input: 2
            on_no_input: goodbye
            on_invalid: goodbye
          leave-message:
            voicemail: general
            beep: true
            max_length: 1m
            min_length: 2s
            silence: 5s
            finish_keys: "#"
            next: message-thanks
            on_too_short: goodbye
          message-thanks:
            play: message-thanks
            next: hangup
          goodbye:
            play: goodbye
            next: hangup
        """

    @Test func aSIPCallerThroughBaresipHearsTheGreetingKeysInAndLeavesAMessage() throws {
        let pulse = try PulseServer(lines: ["line1"])
        defer { pulse.stop() }
        let environment = try pulse.environment()
        let dir = pulse.folder
        let path = { (name: String) in dir.appendingPathComponent(name).path }
        try Self.flow.write(toFile: path("flow.yaml"), atomically: true, encoding: .utf8)
        try """
            flow: flow.yaml
            data: data
            prompts: \(Self.root.appendingPathComponent("prompts").path)
            lines:
              line1: {playback: line1_play, capture: line1_cap}
            """.write(toFile: path("serve.yaml"), atomically: true, encoding: .utf8)
        let data = path("data")
        let (bridgeSIP, callerSIP) = (try FreePortPair.pick(pair: true), try FreePortPair.pick(pair: true))
        let (bridgeControl, callerControl) = (try FreePortPair.pick(), try FreePortPair.pick())
        try Baresip.configure(folder: path("bridge"), sip: bridgeSIP, control: bridgeControl,
                              player: "alsa,line1_say", source: "alsa,line1_hear",
                              account: "<sip:ivr@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU")
        // The caller's voice: 5 s of silence (ring, greeting, key, beep), speech, then silence.
        let speech = try Baresip.speech("Hello, this is Sam. My parcel has not arrived yet, please call me back.",
                                        in: path("speech.wav"))
        try Baresip.wav(silence: 5, then: speech, silence: 16, to: path("caller.wav"))
        try FileManager.default.createDirectory(atPath: path("heard"), withIntermediateDirectories: true)
        try Baresip.configure(folder: path("caller"), sip: callerSIP, control: callerControl,
                              player: "alsa,null", source: "aufile,\(path("caller.wav"))",
                              account: "<sip:+441632960123@127.0.0.1>;regint=0;audio_codecs=PCMU",
                              extra: "module sndfile.so\nsnd_path \(path("heard"))\n")

        var children: [ChildProcess] = []
        defer { for child in children.reversed() { Spawned.stop(child) } }
        let serve = try Spawned(IvrBinary.url.path, ["serve", path("serve.yaml")], environment: environment, log: path("serve.log"))
        children.append(serve.process)
        #expect(Spawned.wait(20) { FileManager.default.fileExists(atPath: data + "/control.sock") }, "ivr serve is up")
        let bridge = try Spawned("/usr/bin/env", ["baresip", "-f", path("bridge")], environment: environment, log: path("bridge.log"))
        children.append(bridge.process)
        let script = try Spawned(Self.root.appendingPathComponent("scripts/baresip-bridge").path,
                                 ["--line", "line1", "--data", data, "--baresip", "127.0.0.1:\(bridgeControl)",
                                  "--ivr", IvrBinary.url.path], environment: environment, log: path("script.log"))
        children.append(script.process)
        let caller = try Spawned("/usr/bin/env", ["baresip", "-f", path("caller"), "-e", "/dial sip:ivr@127.0.0.1:\(bridgeSIP)"],
                                 environment: environment, log: path("caller.log"))
        children.append(caller.process)
        let control = try BaresipControl(port: callerControl)
        #expect(Spawned.wait(15) { control.listCalls().contains("ESTABLISHED") }, "the bridge answers: \(Spawned.read(path("bridge.log")))")
        let established = Date()
        #expect(Spawned.wait(10) { Spawned.read(path("serve.log")).contains("prompt       greeting") },
                "the line rang and the greeting started")
        Thread.sleep(forTimeInterval: 1.5)                        // into the 2 s greeting
        control.send("sndcode", "1")                              // RFC 4733: a message
        let speechEnd = 5 + Double(speech.count) / 8000
        Thread.sleep(until: established.addingTimeInterval(speechEnd + 1.5))
        control.send("sndcode", "#")                              // RFC 4733: the message is done
        #expect(Spawned.wait(20) { Spawned.read(path("serve.log")).contains("line1 ended:") }, "the flow hung up")
        #expect(Spawned.wait(5) { Spawned.read(path("script.log")).contains("hanging up the SIP call") },
                "the bridge ended the SIP call")

        let log = Spawned.read(path("serve.log"))
        print("serve.log:\n\(log)\nbridge script:\n\(Spawned.read(path("script.log")))")
        #expect(log.contains("digit        1 (keyed)") || log.contains("1 (keyed)"), "key 1 reached the flow: \(log)")
        #expect(log.contains("# (keyed)"), "key # reached the flow")
        #expect(log.contains("message-thanks"))
        let list = try IvrBinary.run(["voicemail", "list", "--json", "--data", data])
        let messages = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(messages.count == 1, "\(list.stdout) \(list.stderr)")
        let duration = messages.first?["duration"] as? Double ?? 0
        let speechSeconds = Double(speech.count) / 8000
        #expect(duration > speechSeconds - 1.0 && duration < speechSeconds + 2.5, "message of \(duration) s for \(speechSeconds) s of speech")
        // What the caller heard: the greeting (sound within the first 4 s of the call).
        let heard = try FileManager.default.contentsOfDirectory(atPath: path("heard")).filter { $0.hasSuffix("-dec.wav") }
        let ear = try Baresip.samples(ofWAV: path("heard/" + (try #require(heard.first))))
        let loud = ear.prefix(4 * 8000).filter { abs(Int($0)) > 500 }.count
        #expect(loud > 2000, "the caller heard the greeting (\(loud) loud samples in 4 s)")
        print("realtime-figure baresip message \(String(format: "%.2f", duration)) s of \(String(format: "%.2f", speechSeconds)) s spoken")
    }
}
