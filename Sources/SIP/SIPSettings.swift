/// How the SIP side of `ivr serve` listens and answers (the `sip:` section of serve.yaml).
public struct SIPSettings: Sendable, Equatable {
    /// A voice codec Switchboard speaks on RTP: G.711 at 8 kHz, 20 ms packets.
    public enum Codec: String, Sendable, Equatable, CaseIterable {
        /// G.711 μ-law (static payload type 0).
        case pcmu = "PCMU"
        /// G.711 A-law (static payload type 8).
        case pcma = "PCMA"

        /// The static RTP payload type.
        public var payloadType: UInt8 { self == .pcmu ? 0 : 8 }
    }

    /// The address SIP listens on (UDP), e.g. `127.0.0.1`.
    public var host: String
    /// The UDP port (default 5060).
    public var port: UInt16
    /// Calls taken at once; the next INVITE is refused with 503 and Retry-After.
    public var maxCalls: Int
    /// Codecs in preference order: the answer carries the first one the caller offered.
    public var codecs: [Codec]
    /// Local RTP ports, one per call (even ports are used).
    public var rtpPorts: ClosedRange<UInt16>
    /// Seconds between 180 Ringing and 200 OK (0: answer at once).
    public var ringSeconds: Double
    /// Seconds a refused caller is asked to wait before retrying (Retry-After).
    public var retryAfterSeconds: UInt32
    /// Whether SIP is also taken over TCP on the same address and port (UDP always).
    public var tcp = false
    /// Registration at a registrar (a PBX or SIP provider), with digest credentials; nil: none.
    public var registration: Registration?
    /// Digest credentials for calls Switchboard places (agents' phones, the trunk) when they are
    /// challenged (401/407); nil: the registrar's, if any.
    public var outboundAuth: Credentials?

    /// The credentials a challenged outbound INVITE answers with: `outboundAuth`, else the registrar's.
    public var outboundCredentials: Credentials? {
        outboundAuth ?? registration.map { Credentials(user: $0.user, password: $0.password) }
    }

    /// Where Switchboard registers, as whom, and the digest password (never printed or logged).
    public struct Registration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// The registrar's URI, e.g. `sip:pbx.example:5060`.
        public var registrar: String
        /// The user (address-of-record user part and digest user name).
        public var user: String
        /// Seconds a registration lasts before it is refreshed.
        public var expires: UInt32
        /// The digest password, read from a file or the environment.
        public var password: String

        /// A registration of `user` at `registrar`.
        public init(registrar: String, user: String, expires: UInt32 = 600, password: String) {
            self.registrar = registrar
            self.user = user
            self.expires = expires
            self.password = password
        }

        /// The address of record: `sip:USER@` the registrar's host and port.
        public var addressOfRecord: String {
            let host = registrar.dropFirst(4).prefix { $0 != ";" && $0 != ">" }
            return "sip:\(user)@\(host)"
        }

        /// Who registers where; the password is never part of it.
        public var description: String { "\(addressOfRecord) at \(registrar)" }
        /// As `description`.
        public var debugDescription: String { description }
        /// Reflection (dump, print of containers) shows no password either.
        public var customMirror: Mirror { Mirror(self, children: ["registrar": registrar, "user": user, "expires": expires]) }
    }

    /// Settings with the defaults of a serve.yaml that says only `sip: {}`.
    public init(host: String = "127.0.0.1", port: UInt16 = 5060, maxCalls: Int = 100,
                codecs: [Codec] = [.pcmu, .pcma], rtpPorts: ClosedRange<UInt16> = 10000...20000,
                ringSeconds: Double = 0, retryAfterSeconds: UInt32 = 10) {
        self.host = host
        self.port = port
        self.maxCalls = maxCalls
        self.codecs = codecs
        self.rtpPorts = rtpPorts
        self.ringSeconds = ringSeconds
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// `udp` or `udp+tcp`.
    public var transports: String { tcp ? "udp+tcp" : "udp" }

    /// `host:port` as written in the configuration.
    public var listen: String { "\(host):\(port)" }
}

/// Why the SIP server could not start.
public struct SIPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed and what to do.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
