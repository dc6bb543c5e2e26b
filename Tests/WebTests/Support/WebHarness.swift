import CallQueue
import Foundation
import SoundIO
import Storage
@testable import Web

/// A browser desk on a free loopback port over a fresh store with three users:
/// `alice` (agent alice), `sue` (supervisor) and `sam` (staff), all with password `password-1`.
final class WebHarness: @unchecked Sendable {
    static let password = "password-1"

    let root: URL
    let store: Store
    let settings: WebSettings
    let server: WebServer
    let port: Int
    var client: HTTPClient { HTTPClient(port: port) }
    var base: String { "http://127.0.0.1:\(port)" }

    init(configure: (inout WebSettings) -> Void = { _ in }) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString)")
        let prompts = root.appendingPathComponent("prompts")
        try FileManager.default.createDirectory(at: prompts, withIntermediateDirectories: true)
        try "prompts:\n  - name: greeting\n    text: \"Thank you for calling.\"\n  - name: main-menu\n    text: \"Press 1.\"\n"
            .write(to: prompts.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let data = DataDirectory(url: root.appendingPathComponent("data"))
        store = try Store(directory: data)
        let now = Date()
        try store.addAgent(id: "alice", name: "Alice Smith", skills: [], now: now)
        try store.addAgent(id: "bob", name: "Bob Jones", skills: [], now: now)
        let hash = Passwords.hash(Self.password, cost: 4)
        try store.addWebUser(name: "alice", role: .agent, agentID: "alice", passwordHash: hash, now: now)
        try store.addWebUser(name: "sue", role: .supervisor, agentID: nil, passwordHash: hash, now: now)
        try store.addWebUser(name: "sam", role: .staff, agentID: nil, passwordHash: hash, now: now)
        var settings = WebSettings(data: data, prompts: PromptLibrary(folder: prompts.path))
        settings.listen = ListenAddress(host: "127.0.0.1", port: 0)
        settings.maxUploadBytes = 256 << 10
        settings.loginAttempts = 3
        settings.pollInterval = 0.1
        configure(&settings)
        self.settings = settings
        server = try WebServer(settings: settings, log: { _ in })
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        server.start { continuation.yield($0); continuation.finish() }
        var found = 0
        for await port in ports { found = port }
        port = found
    }

    /// Stops the server and removes the files.
    func stop() {
        server.stop()
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
