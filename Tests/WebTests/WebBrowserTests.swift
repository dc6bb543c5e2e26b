import CallQueue
import Foundation
import SoundIO
import Storage
import Telephony
import Testing
@testable import Web

/// The browser desk in Debian's headless Chromium (chromedriver), against a server on a free port.
@Suite("Web in a browser", .serialized, .enabled(if: Chromium.isInstalled, "needs chromium and chromium-driver (scripts/setup)"))
struct WebBrowserTests {
    static func signIn(_ browser: Chromium, _ web: WebHarness, _ user: String) throws {
        try browser.open(web.base + "/login")
        try browser.type("#user", user)
        try browser.type("#password", WebHarness.password)
        try browser.click("#signin")
        try browser.wait(for: "document.querySelector('meta[name=csrf]')")
    }

    @Test func agentTakesTheNextCallbackPlaysItsVoicemailAndMarksItReached() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let message = try web.addVoicemail(seconds: 2.5)
        let number = try PhoneNumber(parsing: "+441632960777")
        let request = try web.store.requestCallback(CallbackRequest(number: number, queue: "orders", topic: "refund",
                                                                    source: .voicemail, voicemailID: message.id), now: Date())
        let id = try #require(request.callback.id)
        let browser = try Chromium()
        defer { browser.close() }
        try Self.signIn(browser, web, "alice")
        try browser.wait(for: "document.getElementById('agent-state').textContent === 'logged-out'")
        try browser.click("#btn-ready")
        try browser.wait(for: "document.getElementById('agent-state').textContent === 'available'")
        try browser.click("#btn-next")
        try browser.wait(for: "!document.getElementById('cb').hidden")
        #expect(try browser.run("return document.getElementById('cb-e164').textContent;") as? String == "+441632960777")
        #expect(try browser.run("return document.getElementById('cb-national').textContent;") as? String == "01632 960777")
        #expect(try web.store.callback(id).reservedBy == "alice")
        // The inline player loads the message from the store (range requests) and knows its length.
        try browser.wait(for: "document.getElementById('cb-audio').duration > 0")
        let duration = try #require(try browser.run("return document.getElementById('cb-audio').duration;") as? Double)
        #expect(abs(duration - message.duration) < 0.01)
        let played = try browser.runAsync("""
            const done = arguments[arguments.length - 1]; const a = document.getElementById('cb-audio');
            a.currentTime = 2.0; a.play().then(() => setTimeout(() => done(a.currentTime), 300)).catch((e) => done(String(e)));
            """)
        #expect((played as? Double ?? 0) > 2.0)
        try browser.click("[data-outcome=reached]")
        try browser.wait(for: "document.getElementById('cb').hidden")
        let stored = try web.store.callback(id)
        #expect(stored.status == .closed)
        #expect(stored.outcome == .reached)
        #expect(stored.attempts == 1)
    }

    @Test func wallboardShowsACallerJoiningWithinASecond() throws {
        let web = try WebHarness()
        defer { web.stop() }
        let browser = try Chromium(width: 1920, height: 1080)
        defer { browser.close() }
        try Self.signIn(browser, web, "sue")
        try browser.open(web.base + "/wallboard")
        let waiting = "document.querySelector('[data-queue=orders] [data-k=waiting] b')"
        try browser.wait(for: "\(waiting) && \(waiting).textContent === '0'")
        // Note when the count changes, in the page's own clock (the same machine's).
        try browser.run("""
            window.changedAt = null;
            new MutationObserver(() => { const b = \(waiting); if (!window.changedAt && b && b.textContent === '1') window.changedAt = Date.now(); })
              .observe(document.getElementById('queues'), { childList: true, subtree: true, characterData: true });
            """)
        // Another process's view of the store: a second connection, as `ivr serve` would write.
        let other = try Store(directory: web.store.directory)
        let joined = Date()
        try other.callerJoined(WaitingCaller(callID: "call-1", queue: "orders", caller: "+441632960123", joinedAt: joined))
        try browser.wait(for: "window.changedAt", timeout: 5)
        let changedAt = try #require(try browser.run("return window.changedAt;") as? Double)
        let latency = changedAt / 1000 - joined.timeIntervalSince1970
        #expect(latency < 1.0, "the wallboard showed the caller after \(latency) s")
        // Every queue on screen without scrolling (the default four; the layout holds six).
        let fits = try browser.run("return document.getElementById('queues').getBoundingClientRect().bottom <= window.innerHeight;") as? Bool
        #expect(fits == true)
    }

    @Test func staffRecordsAPromptFromTheMicrophone() throws {
        let web = try WebHarness()
        defer { web.stop() }
        // A quiet take (about -32 dBFS) with silence around it, as the fake microphone's input.
        let rate = 48_000.0
        var samples = [Int16](repeating: 0, count: Int(rate * 0.5))
        samples += (0..<Int(rate * 1.5)).map { Int16(1100 * sin(Double($0) * 2 * .pi * 300 / rate)) }
        samples += [Int16](repeating: 0, count: Int(rate * 0.5))
        let fake = web.root.appendingPathComponent("microphone.wav")
        try WAVWriter.write(samples: samples, to: fake.path, sampleRate: Int(rate))
        // An earlier take, to see it kept in .backup/.
        try WAVWriter.write(samples: [Int16](repeating: 300, count: 8000), to: web.prompts.path(for: PromptNameForTests.greeting))
        let browser = try Chromium(extraArguments: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                                                    "--use-file-for-fake-audio-capture=\(fake.path)"])
        defer { browser.close() }
        try Self.signIn(browser, web, "sam")
        try browser.wait(for: "document.querySelector('[data-record=greeting]')")
        try browser.click("[data-record=greeting]")
        try browser.wait(for: "document.getElementById('rec-time').textContent >= '0:03'", timeout: 15)
        try browser.click("#rec-stop")
        try browser.wait(for: "!document.getElementById('rec-keep').hidden")
        try browser.click("#rec-keep")
        try browser.wait(for: "document.getElementById('message').textContent.startsWith('Kept greeting')", timeout: 15)
        let path = web.prompts.path(for: PromptNameForTests.greeting)
        let info = try SoundFile.info(path)
        #expect(info.isEngineFormat)
        let levels = LevelMeter.measure(try SoundFile.read(path))
        #expect(abs(levels.rmsDBFS - PromptLevelling().targetRMSDBFS) < 1.5, "levelled to \(levels.rmsDBFS) dBFS")
        let backups = try FileManager.default.contentsOfDirectory(atPath: web.prompts.backupFolder)
        #expect(backups.count == 1)
    }
}
