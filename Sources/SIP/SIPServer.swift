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
        /// Send the INVITE of outbound leg N.
        case dial(Int)
        /// End outbound leg N (CANCEL or BYE) and free it.
        case releaseLeg(Int)

        var id: Int32 {
            switch self {
            case .release: 1
            case .shutdown: 2
            case .dial: 3
            case .releaseLeg: 4
            }
        }

        var number: Int {
            switch self {
            case .release(let number), .dial(let number), .releaseLeg(let number): number
            case .shutdown: 0
            }
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
    var legsByNumber: [Int: SIPLeg] = [:]
    var nextNumber = 1
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    private static let oneServer = NSLock()
    // SIP thread only.
    var sip: OpaquePointer?
    var sessionSocket: OpaquePointer?
    private var listener: OpaquePointer?
    private var queue: OpaquePointer?
    private var registration: OpaquePointer?
    private var registrationText = "registering"

    /// How the registration stands (`registered`, `registering`, `failed: 403 Forbidden`), nil without one.
    public var registrationStatus: String? {
        settings.registration == nil ? nil : lock.withLock { registrationText }
    }

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
            ThreadPriority.raiseSIPThread()
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
        for leg in lock.withLock({ Array(legsByNumber.values) }) { leg.hangUp() }
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
        DescriptorLimit.prepare(maxCalls: settings.maxCalls)
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard sip_alloc(&sip, nil, 32, 32, 32, "Switchboard", nil, nil) == 0, let sip else {
            return SIPError("cannot start the SIP stack")
        }
        let err = sb_transp_add_udp(sip, settings.host, settings.port)
        guard err == 0 else {
            return SIPError("cannot listen for SIP on udp \(settings.listen): \(String(cString: strerror(err)))"
                + "; pick another sip: listen address or stop what uses the port")
        }
        if settings.tcp {
            let err = sb_transp_add_tcp(sip, settings.host, settings.port)
            guard err == 0 else {
                return SIPError("cannot listen for SIP on tcp \(settings.listen): \(String(cString: strerror(err)))"
                    + "; pick another sip: listen address or stop what uses the port")
            }
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
        if let error = register() { return error }
        log("sip: listening on \(settings.transports) \(settings.listen), up to \(settings.maxCalls) calls, codecs \(settings.codecs.map(\.rawValue).joined(separator: " "))")
        return nil
    }

    private func tearDown() {
        for call in calls { releaseCall(call.number) }
        for number in lock.withLock({ Array(legsByNumber.keys) }) { releaseLeg(number) }
        if let registration { sb_deref(UnsafeMutableRawPointer(registration)) }
        registration = nil
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

    /// Starts registering at the registrar, if one is configured (SIP thread). The password goes
    /// to libre's digest handler only; nothing here logs it.
    private func register() -> SIPError? {
        guard let settings = settings.registration else { return nil }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let err = sb_register(&registration, sip, settings.registrar, settings.addressOfRecord, settings.expires, settings.user,
            { username, password, _, arg in
                guard let arg, let registration = Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().settings.registration
                else { return EINVAL }
                return sb_str_dup(username, registration.user) | sb_str_dup(password, registration.password)
            }, me,
            { err, msg, arg in
                guard let arg else { return }
                Unmanaged<SIPServer>.fromOpaque(arg).takeUnretainedValue().registered(err, msg)
            }, me)
        guard err == 0 else {
            return SIPError("cannot register at \(settings.registrar): \(String(cString: strerror(err))); check sip: registrar:")
        }
        log("sip: registering \(settings.addressOfRecord) at \(settings.registrar) every \(settings.expires) s")
        return nil
    }

    /// The registrar answered a REGISTER, or none came (SIP thread).
    private func registered(_ err: Int32, _ msg: UnsafePointer<sip_msg>?) {
        let code = Int(sb_msg_scode(msg))
        let phrase = text(sb_msg_reason, msg)
        let state = err != 0 ? "failed: \(String(cString: strerror(err)))"
            : (200..<300).contains(code) ? "registered" : "failed: \(code) \(phrase)"
        let changed = lock.withLock {
            defer { registrationText = state }
            return registrationText != state
        }
        if changed, let registration = settings.registration { log("sip: registration of \(registration): \(state)") }
    }

    private func handle(_ id: Int32, _ number: Int) {
        switch id {
        case 1: releaseCall(number)
        case 2: re_cancel()
        case 3: startDial(number)
        case 4: releaseLeg(number)
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
