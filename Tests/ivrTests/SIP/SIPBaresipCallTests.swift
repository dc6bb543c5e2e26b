import Foundation
import Testing

/// A real SIP phone (baresip) calls `ivr serve`: hears the greeting, presses 1 twice as RFC 4733
/// events (orders, then "leave a message" while holding), speaks, and hangs up mid-message.
@Suite("SIP: baresip calls ivr serve", .serialized)
struct SIPBaresipCallTests {
    @Test(.enabled(if: Tool.exists(BaresipPeer.binary) && Tool.exists("/usr/bin/espeak-ng") && Tool.exists("/usr/bin/sox")))
    func greetingKeysAndVoicemail() throws {
        let server = try SIPTestServer()
        defer { _ = server.stop() }
        #expect(server.log.contains("sip: listening on udp 127.0.0.1:\(server.port)"), "\(server.log)")

        // What the caller says: 16 s of silence (greeting, menu, hold, the voicemail prompt), then speech.
        let speech = server.path("speech.wav")
        let caller = server.path("caller.wav")
        try Tool.run("/usr/bin/espeak-ng", ["-w", server.path("speech22.wav"),
                                            "My order has not arrived yet. Please call me back on my mobile. Thank you very much."])
        try Tool.run("/usr/bin/sox", [server.path("speech22.wav"), "-r", "8000", "-c", "1", "-b", "16", speech])
        try Tool.run("/usr/bin/sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", server.path("silence.wav"), "trim", "0", "16"])
        try Tool.run("/usr/bin/sox", [server.path("silence.wav"), speech, caller])

        let phone = try BaresipPeer(user: "+442079460018", source: caller)
        defer { phone.stop() }
        try phone.dial("sip:ivr@127.0.0.1:\(server.port)")
        // baresip dials at start-up, before its control socket is reached: watch the server's side.
        #expect(server.waitFor("sip: call 1 established", seconds: 15), "\(server.log)")
        Thread.sleep(forTimeInterval: 3.2)
        phone.command("sndcode", "1")         // main menu: orders
        Thread.sleep(forTimeInterval: 2.5)
        phone.command("sndcode", "1")         // holding: leave a message
        // The source file ends about 6 s into the message; baresip then hangs up by itself.
        #expect(phone.waitFor("CALL_CLOSED", seconds: 40))
        #expect(server.waitFor("sip-1 ended: ", seconds: 10), "\(server.log)")

        let log = server.log
        #expect(log.contains("from +442079460018 to ivr codec PCMU"))
        #expect(log.contains("digit        1"))
        #expect(log.contains("leave-queue  orders key 1"))
        #expect(log.contains("record       general"))

        // The greeting is in what the phone heard.
        let greeting = try #require(WAVSamples.read(LiveCallCommandTests.root.appendingPathComponent("prompts/greeting.wav").path))
        let heardPath = try #require(phone.heardPath)
        let heard = try #require(WAVSamples.read(heardPath))
        let template = WAVSamples.firstSound(in: greeting, count: 4000)
        let found = WAVSamples.locate(template, in: Array(heard.prefix(8000 * 3)))
        #expect(found.score > 0.8, "greeting correlation \(found.score) at \(found.lag)")

        // The message is listed with the caller's number, and it holds what the caller said.
        let list = try IvrBinary.run(["voicemail", "list", "--json", "--data", server.data])
        #expect(list.status == 0, "\(list.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let message = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(message["caller"] as? String == "+442079460018")
        #expect(message["mailbox"] as? String == "general")
        let file = try #require(message["file"] as? String)
        let messagePath = file.hasPrefix("/") ? file : server.data + "/" + file
        let recorded = WAVSamples.decimate(try #require(WAVSamples.read(messagePath)), by: 4)
        let said = WAVSamples.decimate(try #require(WAVSamples.read(speech)), by: 4)
        let phrase = Array(said[2000..<3000])  // 2 s of the caller's speech, 1 s in
        let inMessage = WAVSamples.locate(phrase, in: recorded)
        #expect(inMessage.score > 0.7, "message correlation \(inMessage.score)")
        #expect(server.stop() == 0)
    }
}
