import Foundation
import SoundIO
import Storage

/// Where the browser desk listens: `HOST:PORT` (default `127.0.0.1:8080`).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address to bind.
    public var host: String
    /// TCP port (0: any free port, reported once listening).
    public var port: Int

    /// The default, loopback only: `127.0.0.1:8080`.
    public static let standard = ListenAddress(host: "127.0.0.1", port: 8080)

    /// An address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `[IPv6]:PORT` or `:PORT` (loopback); nil with a reason otherwise.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        guard let colon = text.lastIndex(of: ":") else { return .failure(ListenAddressError(text: text)) }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "127.0.0.1" }
        guard let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port),
              !host.contains(where: { $0 == "/" || $0 == " " }) else { return .failure(ListenAddressError(text: text)) }
        return .success(ListenAddress(host: host, port: port))
    }

    /// Whether only this machine can connect (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// `HOST:PORT`.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A `--listen` value that cannot be read.
public struct ListenAddressError: Error, CustomStringConvertible {
    /// What was given.
    public var text: String
    /// What to write instead.
    public var description: String {
        "--listen '\(text)' is not HOST:PORT; write e.g. 127.0.0.1:8080 (port 0-65535)"
    }
}

/// Everything the browser desk needs: where to listen, the store, the prompt library and its limits.
public struct WebSettings: Sendable {
    /// Where to listen.
    public var listen: ListenAddress = .standard
    /// The data directory (store, voicemail, queue_log).
    public var data: DataDirectory
    /// The prompt library managed from the prompt studio.
    public var prompts: PromptLibrary
    /// How long a sign-in lasts (default 8 hours, one shift).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Mark cookies `Secure` (set when users reach the desk through an HTTPS reverse proxy).
    public var secureCookies = false
    /// Largest prompt upload or recording accepted, in bytes (default 16 MiB).
    public var maxUploadBytes = 16 << 20
    /// Largest JSON or form body accepted, in bytes.
    public var maxFormBytes = 64 << 10
    /// Failed sign-ins allowed per user name and per client address within `loginWindow`.
    public var loginAttempts = 5
    /// The window of the sign-in limit, in seconds.
    public var loginWindow: TimeInterval = 300
    /// Answered within this many seconds counts toward the service level (default 20).
    public var serviceLevelSeconds: Double = 20
    /// The service level goal shown on the wallboard and reports (default 0.8).
    public var serviceLevelGoal: Double = 0.8
    /// How often the store is checked for changes (default 0.25 s).
    public var pollInterval: TimeInterval = 0.25
    /// The time zone of "today" on the wallboard and of report days (default: the machine's).
    public var timeZone: TimeZone = .current

    /// Settings with defaults for everything but the store and the prompts.
    public init(data: DataDirectory, prompts: PromptLibrary) {
        self.data = data
        self.prompts = prompts
    }

    /// What to tell the operator about this configuration before serving (empty when all is well).
    public var warnings: [String] {
        guard !listen.isLoopback else { return [] }
        return ["""
            WARNING: the browser desk is listening on \(listen), reachable from other machines, WITHOUT TLS.
            WARNING: passwords and session cookies would cross the network in clear text.
            WARNING: listen on 127.0.0.1 and put an HTTPS reverse proxy in front (see docs/WEB.md), \
            and pass --secure-cookies.
            """]
    }
}
