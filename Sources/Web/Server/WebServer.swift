import Foundation
import Hummingbird
import Logging
import Storage

/// The browser desk's HTTP server (Hummingbird 2): login, agent desk, voicemail inbox, wallboard,
/// prompt studio and reports over one store. See docs/WEB.md.
///
/// Run it alone (`ivr web`, `runUntilSignalled`) or inside `ivr serve` (`start`/`stop`).
public final class WebServer: Sendable {
    /// The settings it serves with.
    public let settings: WebSettings
    private let store: Store
    private let feed: ChangeFeed
    private let log: @Sendable (String) -> Void
    private let running = Running()

    /// A server over the store in `settings.data` (opened, and migrated if needed, now).
    /// - Parameter log: where "listening on …" and errors go (never to a browser).
    public init(settings: WebSettings, log: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        self.log = log
        store = try Store(directory: settings.data)
        feed = ChangeFeed(watcher: try StoreChangeWatcher(directory: settings.data), pollInterval: settings.pollInterval)
    }

    /// Serves until cancelled. `onListening` gets the port bound (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        feed.start()
        defer { feed.stop() }
        try await application(onListening: onListening).run()
    }

    /// Serves until SIGINT or SIGTERM.
    public func runUntilSignalled(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        feed.start()
        defer { feed.stop() }
        try await application(onListening: onListening).runService()
    }

    /// Starts serving in the background (inside `ivr serve`); `stop()` ends it.
    public func start(onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        let log = self.log
        let task = Task.detached { [self] in
            do { try await self.run(onListening: onListening) } catch is CancellationError {
            } catch { log("web: stopped: \(error)") }
        }
        running.set(task)
    }

    /// Stops a server started with `start()`.
    public func stop() { running.take()?.cancel() }

    private func application(onListening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "switchboard-web")
        logger.logLevel = .warning
        let settings = self.settings, log = self.log
        for warning in settings.warnings { log(warning) }
        return Application(router: router(), configuration: .init(address: .hostname(settings.listen.host, port: settings.listen.port),
                                                                  serverName: "Switchboard"),
                           onServerRunning: { channel in
                               let port = channel.localAddress?.port ?? settings.listen.port
                               log("web: listening on http://\(ListenAddress(host: settings.listen.host, port: port))/")
                               onListening(port)
                           }, logger: logger)
    }

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ErrorMiddleware(log: log))
        let gate = SessionGate(store: store, settings: settings)
        let today = TodayTally(url: store.directory.queueLogURL, zone: settings.timeZone, targetSeconds: settings.serviceLevelSeconds)
        let store = self.store, settings = self.settings
        let cache = WallboardCache { now in
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = .sortedKeys
            return try encoder.encode(WallboardSnapshot.make(store: store, today: today, settings: settings, now: now))
        }
        LoginRoutes(gate: gate, limiter: LoginLimiter(attempts: settings.loginAttempts, window: settings.loginWindow))
            .add(to: router)
        DeskRoutes(gate: gate, feed: feed).add(to: router)
        VoicemailRoutes(gate: gate, feed: feed).add(to: router)
        WallboardRoutes(gate: gate, feed: feed, cache: cache).add(to: router)
        PromptRoutes(gate: gate).add(to: router)
        ReportRoutes(gate: gate).add(to: router)
        router.get("/") { request, _ -> Response in
            guard let session = try gate.session(request) else { return Reply.redirect("/login") }
            return Reply.redirect(LoginRoutes.home(of: session.user.role))
        }
        router.get("/assets/{file}") { _, context -> Response in
            guard let asset = Assets.files[context.parameters.get("file") ?? ""] else { throw WebError.notFound() }
            return Reply.text(asset.content, type: asset.type, headers: [.cacheControl: "no-cache"])
        }
        return router
    }

    /// The task of a server started in the background.
    private final class Running: @unchecked Sendable {
        private let lock = NSLock()
        private var task: Task<Void, Never>?
        func set(_ task: Task<Void, Never>) { lock.withLock { self.task = task } }
        func take() -> Task<Void, Never>? { lock.withLock { defer { task = nil }; return task } }
    }
}
