import CallQueue
import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SoundIO
import Storage
@testable import Web

/// `ivr web` on a free loopback port (a child process, stopped by PID) over a fresh store with three
/// users: `alice` (agent alice), `sue` (supervisor) and `sam` (staff), all with password `password-1`.
final class WebHarness: @unchecked Sendable {
    static let password = "password-1"

    let root: URL
    let store: Store
    let prompts: PromptLibrary
    /// `ivr web`.
    let process: ChildProcess
    let port: Int
    var client: HTTPClient { HTTPClient(port: port) }
    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts the server; `arguments` are added to `ivr web`'s, `environment` to its environment.
    init(arguments: [String] = [], environment: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("prompts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "prompts:\n  - name: greeting\n    text: \"Thank you for calling.\"\n  - name: main-menu\n    text: \"Press 1.\"\n"
            .write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        prompts = PromptLibrary(folder: folder.path)
        let data = DataDirectory(url: root.appendingPathComponent("data"))
        store = try Store(directory: data)
        let now = Date()
        // Open round the clock, so callbacks are due whenever the suite runs.
        for queue in try store.queues() { try store.updateQueue(queue.name, hours: "mon-sun 00:00-24:00") }
        try store.addAgent(id: "alice", name: "Alice Smith", skills: [], now: now)
        try store.addAgent(id: "bob", name: "Bob Jones", skills: [], now: now)
        let hash = Passwords.hash(Self.password, cost: 4)
        try store.addWebUser(name: "alice", role: .agent, agentID: "alice", passwordHash: hash, now: now)
        try store.addWebUser(name: "sue", role: .supervisor, agentID: nil, passwordHash: hash, now: now)
        try store.addWebUser(name: "sam", role: .staff, agentID: nil, passwordHash: hash, now: now)
        process = try ChildProcess(Self.binary.path, ["web", "--listen", "127.0.0.1:0", "--data", data.url.path,
                                                      "--prompts", folder.path] + arguments,
                                   environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                                   stdout: .pipe, stderr: .null)
        // The first line on standard output names the address: "ivr web: http://127.0.0.1:PORT/".
        _ = process.waitForOutput("\n", seconds: 60)
        let text = String(process.output.prefix { $0 != "\n" })
        guard let portText = text.split(separator: ":").last?.split(separator: "/").first, let port = Int(portText) else {
            process.stop(SIGKILL)
            throw HarnessError("ivr web did not report its address: \(text)")
        }
        self.port = port
    }

    /// The `ivr` executable next to the test bundle (or `SWITCHBOARD_IVR`, e.g. a release build
    /// for scripts/web-bench).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SWITCHBOARD_IVR"] { return URL(fileURLWithPath: path) }
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("ivr")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/ivr")
    }

    /// Stops the server by PID and removes the files.
    func stop() {
        process.stop(SIGTERM, grace: 3)
        try? FileManager.default.removeItem(at: root)
    }

    /// A signed-in client: its session cookie and CSRF token.
    struct Session {
        var cookie: String
        var csrf: String
        var headers: [String: String] { ["Cookie": "ivr_session=\(cookie)", "X-CSRF-Token": csrf] }
        var cookieOnly: [String: String] { ["Cookie": "ivr_session=\(cookie)"] }
    }

    /// Signs in through the login form, as a browser would.
    func signIn(_ user: String, password: String = WebHarness.password) throws -> Session {
        let reply = try postLogin(user, password: password)
        guard reply.status == 303, let cookie = reply.cookie("ivr_session") else {
            throw HarnessError("sign-in as \(user) answered \(reply.status): \(reply.text.prefix(200))")
        }
        let home = try client.request("GET", reply.header("location") ?? "/", headers: ["Cookie": "ivr_session=\(cookie)"])
        guard let csrf = Self.meta("csrf", in: home.text) else { throw HarnessError("no CSRF token on \(user)'s home page") }
        return Session(cookie: cookie, csrf: csrf)
    }

    /// `GET /login`, then `POST /login` with its hidden token and cookie.
    func postLogin(_ user: String, password: String, withToken: Bool = true) throws -> HTTPClient.Reply {
        let form = try client.request("GET", "/login")
        let token = form.cookie("ivr_login") ?? ""
        let hidden = Self.hiddenField("csrf", in: form.text) ?? ""
        var body = "user=\(user)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        if withToken { body += "&csrf=\(hidden)" }
        return try client.request("POST", "/login", headers: ["Cookie": "ivr_login=\(token)",
                                                              "Content-Type": "application/x-www-form-urlencoded"],
                                  body: Array(body.utf8))
    }

    static func meta(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "<meta name=\"\(name)\" content=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Writes a voicemail of `seconds` of tone and indexes it.
    func addVoicemail(seconds: Double, caller: String = "+441632960123", topic: String? = "orders",
                      mailbox: String? = "orders") throws -> VoicemailRecord {
        var generator = SystemRandomNumberGenerator()
        let file = store.newVoicemailFile(at: Date(), using: &generator)
        let url = store.directory.resolve(relativePath: file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let samples = (0..<Int(seconds * 8000)).map { Int16(8000 * sin(Double($0) * 2 * .pi * 440 / 8000)) }
        try WAVWriter.write(samples: samples, to: url.path)
        return try store.indexVoicemail(NewVoicemail(file: file, caller: caller, receivedAt: Date(), duration: seconds,
                                                     topic: topic, mailbox: mailbox))
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
