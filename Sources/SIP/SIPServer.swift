import CLibre
import Foundation

/// Switchboard's SIP user agent: answers INVITEs on UDP and hands each answered call to `onCall`.
///
/// One SIP thread owns every libre object and runs libre's `re_main` loop; other threads reach
/// it only through ``post(_:)`` (libre's `mqueue`, a pipe into the loop). Callbacks from libre
/// copy what they need and return at once. libre keeps its loop state per process in 1.x, so
/// one server runs per process at a time.
public final class SIPServer: @unchecked Sendable {
    /// Work for the SIP thread.
    enum Message {
        /// The line closed call N's ports: end the dialog (BYE if still up) and free its media.
        case release(Int)
        /// Stop the loop.
        case shutdown

        var id: Int32 {
            switch self {
            case .release: 1
            case .shutdown: 2
            }
        }

        var number: Int {
            if case .release(let number) = self { return number }
            return 0
        }
    }

    /// The settings it was started with.
    public let settings: SIPSettings
    /// How punctually packets left, over every call.
    public let timing = MediaTiming()
    let log: @Sendable (String) -> Void
    let onCall: @Sendable (SIPCall) -> Void
    let lock = NSLock()
    var callsByNumber: [Int: SIPCall] = [:]
    var nextNumber = 1
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    private static let oneServer = NSLock()
    // SIP thread only.
    var sip: OpaquePointer?
    var sessionSocket: OpaquePointer?
    private var listener: OpaquePointer?
    private var queue: OpaquePointer?

    /// A server for `settings` that logs one line per event and hands answered calls to `onCall`
    /// (on the SIP thread: it must return quickly, e.g. after starting the call's line thread).
    public init(settings: SIPSettings, log: @escaping @Sendable (String) -> Void,
                onCall: @escaping @Sendable (SIPCall) -> Void) {
        self.settings = settings
        self.log = log
        self.onCall = onCall
    }

    /// The calls in progress (answered or ringing), oldest first.
    public var calls: [SIPCall] {
        lock.withLock { callsByNumber.keys.sorted().compactMap { callsByNumber[$0] } }
    }

    /// Binds the SIP port and starts the SIP thread.
    ///
    /// - Throws: ``SIPError`` naming the address when the port cannot be bound (in use, bad address).
    public func start() throws(SIPError) {
        guard Self.oneServer.try() else { throw SIPError("a SIP server is already running in this process") }
        let ready = DispatchSemaphore(value: 0)
        let result = ResultBox()
        let thread = Thread { [self] in
            result.error = setUp()
            ready.signal()
            if result.error == nil { _ = re_main(nil) }
            tearDown()
            stopped.signal()
        }
        thread.name = "switchboard.sip"
        thread.qualityOfService = .userInteractive
        self.thread = thread
        thread.start()
        ready.wait()
        if let error = result.error {
            stopped.wait()
            Self.oneServer.unlock()
            throw error
        }
    }

    /// Hangs up every call (BYE), stops the SIP thread and waits for it.
    public func stop() {
        guard thread != nil else { return }
        for call in calls { call.hangUp() }
        // Give the lines a moment to close their ports, so their BYEs go out.
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline && calls.contains(where: { $0.answered }) { usleep(20_000) }
        post(.shutdown)
        stopped.wait()
        thread = nil
        Self.oneServer.unlock()
    }

    /// Hands `message` to the SIP thread (any thread).
    func post(_ message: Message) {
        guard let queue else { return }
        _ = mqueue_push(queue, message.id, UnsafeMutableRawPointer(bitPattern: max(1, message.number)))
    }

    private func setUp() -> SIPError? {
        guard libre_init() == 0 else { return SIPError("cannot initialise libre") }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard sip_alloc(&sip, nil, 32, 32, 32, "Switchboard", nil, nil) == 0, let sip else {
            return SIPError("cannot start the SIP stack")
        }
        let err = sb_transp_add_udp(sip, settings.host, settings.port)
        guard err == 0 else {
            return SIPError("cannot listen for SIP on udp \(settings.listen): \(String(cString: strerror(err)))"
                + "; pick another sip: listen address or stop what uses the port")
        }
        guard sip_listen(&listener, sip, true, { msg, arg in
            guard let msg, let arg else { return false }
            return Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().request(msg)
        }, me) == 0 else { return SIPError("cannot listen for SIP requests") }
        guard sipsess_listen(&sessionSocket, sip, 64, { msg, arg in
            guard let msg, let arg else { return }
            Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().invite(msg)
        }, me) == 0 else { return SIPError("cannot listen for SIP sessions") }
        guard mqueue_alloc(&queue, { id, data, arg in
            guard let arg else { return }
            Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().handle(id, Int(bitPattern: data))
        }, me) == 0 else { return SIPError("cannot create the SIP work queue") }
        log("sip: listening on udp \(settings.listen), up to \(settings.maxCalls) calls, codecs \(settings.codecs.map(\.rawValue).joined(separator: " "))")
        return nil
    }

    private func tearDown() {
        for call in calls { releaseCall(call.number) }
        if let sessionSocket { sipsess_close_all(sessionSocket); sb_deref(UnsafeMutableRawPointer(sessionSocket)) }
        if let listener { sb_deref(UnsafeMutableRawPointer(listener)) }
        if let sip { sip_close(sip, true); sb_deref(UnsafeMutableRawPointer(sip)) }
        if let queue { sb_deref(UnsafeMutableRawPointer(queue)) }
        sessionSocket = nil
        listener = nil
        sip = nil
        queue = nil
        libre_close()
    }

    private func handle(_ id: Int32, _ number: Int) {
        switch id {
        case 1: releaseCall(number)
        case 2: re_cancel()
        default: break
        }
    }

    /// Requests outside a session: OPTIONS gets 200; the rest go on to libre's session layer.
    private func request(_ msg: UnsafePointer<sip_msg>) -> Bool {
        guard sb_msg_is(msg, "OPTIONS") else { return false }
        _ = sb_reply_options(sip, msg)
        return true
    }
}

private final class ResultBox: @unchecked Sendable {
    var error: SIPError?
}
