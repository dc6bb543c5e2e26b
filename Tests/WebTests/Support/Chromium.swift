import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's headless Chromium driven through chromedriver (WebDriver over HTTP on a free loopback
/// port). `close()` ends the session and stops chromedriver and every Chromium process of this
/// run's profile by PID, also after a failed test.
final class Chromium: @unchecked Sendable {
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }

    private let driver: ChildProcess
    private let port: Int
    private let profile: URL
    private var session = ""

    init(extraArguments: [String] = [], width: Int = 1280, height: Int = 900) throws {
        port = try Self.freePort()
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        driver = try ChildProcess("/usr/bin/chromedriver", ["--port=\(port)", "--allowed-ips=127.0.0.1"])
        do {
            try waitForDriver()
            let args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--mute-audio", "--autoplay-policy=no-user-gesture-required", "--window-size=\(width),\(height)",
                        "--user-data-dir=\(profile.path)"] + extraArguments
            let reply = try call("POST", "/session", [
                "capabilities": ["alwaysMatch": ["browserName": "chrome",
                                                 "goog:chromeOptions": ["binary": "/usr/bin/chromium", "args": args]]],
            ])
            guard let value = reply["value"] as? [String: Any], let id = value["sessionId"] as? String else {
                throw HarnessError("chromedriver did not start a session: \(reply)")
            }
            session = id
        } catch {
            close()
            throw error
        }
    }

    /// Ends the session and stops chromedriver and the browser by PID.
    func close() {
        if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)", nil, timeout: 5) }
        session = ""
        driver.signal(SIGTERM)
        for pid in Self.processes(mentioning: profile.path) { kill(pid, SIGKILL) }
        driver.stop(SIGKILL)
        try? FileManager.default.removeItem(at: profile)
    }

    func open(_ url: String) throws { _ = try command("POST", "url", ["url": url]) }

    /// Runs `script` (a function body; `arguments` available) and returns its result.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": arguments])["value"] ?? nil
    }

    /// Runs an async script: the body calls `arguments[arguments.length - 1](result)`.
    func runAsync(_ script: String) throws -> Any? {
        try command("POST", "execute/async", ["script": script, "args": []])["value"] ?? nil
    }

    /// Types into the element matching `selector`.
    func type(_ selector: String, _ text: String) throws {
        _ = try command("POST", "element/\(try element(selector))/value", ["text": text])
    }

    /// Clicks the element matching `selector`.
    func click(_ selector: String) throws {
        _ = try command("POST", "element/\(try element(selector))/click", [:])
    }

    /// A PNG of the viewport.
    func screenshot() throws -> Data {
        guard let text = try command("GET", "screenshot", nil)["value"] as? String, let data = Data(base64Encoded: text) else {
            throw HarnessError("no screenshot")
        }
        return data
    }

    /// Polls `condition` (a script returning true) every 50 ms for up to `timeout` seconds.
    func wait(for condition: String, timeout: Double = 10) throws {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if (try? run("return !!(\(condition));")) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("waited \(timeout) s for \(condition)")
    }

    private func element(_ selector: String) throws -> String {
        let reply = try command("POST", "element", ["using": "css selector", "value": selector])
        guard let value = reply["value"] as? [String: Any], let id = value.values.first as? String else {
            throw HarnessError("no element \(selector): \(reply)")
        }
        return id
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) throws -> [String: Any] {
        let reply = try call(method, "/session/\(session)/\(path)", body)
        if let value = reply["value"] as? [String: Any], let error = value["error"] as? String {
            throw HarnessError("\(path): \(error): \(value["message"] ?? "")")
        }
        return reply
    }

    private func call(_ method: String, _ path: String, _ body: [String: Any]?, timeout: Double = 60) throws -> [String: Any] {
        var client = HTTPClient(port: port)
        client.timeout = Int(timeout)
        let bytes = try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) } ?? []
        let reply = try client.request(method, path, headers: body == nil ? [:] : ["Content-Type": "application/json"], body: bytes)
        return (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
    }

    private func waitForDriver() throws {
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            if let reply = try? call("GET", "/status", nil, timeout: 1), (reply["value"] as? [String: Any])?["ready"] as? Bool == true {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError("chromedriver did not answer on port \(port)")
    }

    /// PIDs of processes whose command line mentions `text`.
    static func processes(mentioning text: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: data, as: UTF8.self).contains(text) ? pid : nil
        }
    }

    /// A port nothing listens on now (bound, read, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
