import CallQueue
import Foundation
import SoundIO
import Storage
import Testing
@testable import Web

/// Writes a PNG of every page to `$IVR_SCREENSHOTS` (run by `scripts/web-screenshots`; skipped otherwise).
@Suite("Web screenshots", .enabled(if: ProcessInfo.processInfo.environment["IVR_SCREENSHOTS"] != nil && Chromium.isInstalled))
struct WebScreenshots {
    @Test func everyPage() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["IVR_SCREENSHOTS"] ?? "/tmp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let web = try WebHarness()
        defer { web.stop() }
        try DemoDay.seed(web)
        func shoot(_ user: String, _ path: String, _ file: String, width: Int = 1280, height: Int = 820,
                   ready: String, before: String? = nil) throws {
            let browser = try Chromium(width: width, height: height)
            defer { browser.close() }
            if user.isEmpty {
                try browser.open(web.base + path)
            } else {
                try WebBrowserTests.signIn(browser, web, user)
                try browser.open(web.base + path)
            }
            try browser.wait(for: ready)
            if let before { try browser.run(before) }
            Thread.sleep(forTimeInterval: 0.3)
            try browser.screenshot().write(to: folder.appendingPathComponent(file))
        }
        try shoot("", "/login", "login.png", width: 900, height: 560, ready: "document.getElementById('user')")
        try shoot("sue", "/wallboard", "wallboard.png", width: 1920, height: 1080,
                  ready: "document.querySelectorAll('.q').length === 4")
        try shoot("alice", "/desk", "desk.png", height: 900, ready: "!document.getElementById('cb').hidden")
        try shoot("sue", "/voicemail?", "voicemail.png", ready: "document.querySelectorAll('#vm-rows tr').length > 0",
                  before: "document.getElementById('f-status').value = 'all'; document.getElementById('f-status').dispatchEvent(new Event('change'));")
        try shoot("sam", "/prompts", "prompts.png", ready: "document.querySelectorAll('#prompt-rows tr').length > 0")
        try shoot("sue", "/reports", "reports.png", height: 1100, ready: "document.querySelector('svg')")
    }
}

/// A plausible morning in the shop: agents in every state, callers waiting, callbacks, voicemail,
/// prompts, and `queue_log` lines for today's report and wallboard.
enum DemoDay {
    static func seed(_ web: WebHarness) throws {
        let store = web.store, now = Date()
        try store.updateAgent(id: "alice", name: "Alice Smith", skills: try AgentSkill.parse("orders:1,returns:2", agentID: "alice"))
        for (id, name) in [("carol", "Carol Diaz"), ("dev", "Dev Patel"), ("erin", "Erin Walsh"), ("femi", "Femi Okafor")] {
            try store.addAgent(id: id, name: name, skills: [], now: now.addingTimeInterval(-3600))
        }
        for id in ["alice", "bob", "carol", "dev", "erin"] { try store.setAgentState(id, to: .available, now: now.addingTimeInterval(-1800)) }
        try store.setAgentState("carol", to: .onBreak, reason: "lunch", now: now.addingTimeInterval(-540))
        try store.setAgentState("erin", to: .onCall, now: now.addingTimeInterval(-95))
        let message = try web.addVoicemail(seconds: 6.4, caller: "+441632960555", topic: "delivery", mailbox: "orders")
        _ = try web.addVoicemail(seconds: 12.2, caller: "+447700900321", topic: "refund", mailbox: "payments")
        let heard = try web.addVoicemail(seconds: 3.1, caller: "+441632960999", topic: "exchange", mailbox: "returns")
        try store.markVoicemail(heard.id ?? 0, as: .heard)
        _ = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "01632 960555"), queue: "orders",
                                                      topic: "delivery", source: .voicemail, joinedAt: now.addingTimeInterval(-1500),
                                                      voicemailID: message.id), now: now.addingTimeInterval(-1500))
        _ = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "07700 900123"), queue: "returns",
                                                      topic: "exchange"), now: now.addingTimeInterval(-600))
        _ = try store.reserveNextCallback(agent: "alice", now: now)
        for (n, queue, wait) in [(1, "orders", 74.0), (2, "orders", 31.0), (3, "returns", 12.0), (4, "payments", 48.0)] {
            try store.callerJoined(WaitingCaller(callID: "demo-\(n)", queue: queue, caller: "+4416329601\(n)0",
                                                 joinedAt: now.addingTimeInterval(-wait)))
        }
        try queueLog(now: now).write(to: store.directory.queueLogURL, atomically: true, encoding: .utf8)
        var tone: [Int16] = []
        for i in 0..<12000 { tone.append(Int16(3000 * sin(Double(i) * 2 * .pi * 350 / 8000))) }
        try WAVWriter.write(samples: tone, to: web.prompts.path(for: PromptName("greeting")!))
        try WAVWriter.write(samples: tone.map { $0 / 20 }, to: web.prompts.path(for: PromptName("hold-notice")!))
    }

    /// Calls since 08:00 today (local), deterministic.
    static func queueLog(now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let start = max(calendar.startOfDay(for: now), now.addingTimeInterval(-8 * 3600))
        var generator = SplitMix64(seed: 7)
        var lines = "", t = start.timeIntervalSince1970, n = 0
        let queues = ["orders", "orders", "orders", "returns", "payments", "general"]
        while t < now.timeIntervalSince1970 - 60 {
            n += 1
            let queue = queues[Int(generator.next() % UInt64(queues.count))]
            let hour = (t - start.timeIntervalSince1970) / 3600
            let hold = Double(generator.next() % 40) + (hour > 2 && hour < 4 ? 25 : 0)
            lines += "\(Int(t))|d\(n)|\(queue)|NONE|ENTERQUEUE||+44163296\(1000 + n % 9000)|1\n"
            if generator.next() % 100 < 8 {
                lines += "\(Int(t + hold))|d\(n)|\(queue)|NONE|ABANDON|1|1|\(Int(hold))\n"
            } else {
                lines += "\(Int(t + hold))|d\(n)|\(queue)|alice|CONNECT|\(Int(hold))|d\(n)|3\n"
            }
            t += Double(30 + generator.next() % 150)
        }
        return lines
    }
}
