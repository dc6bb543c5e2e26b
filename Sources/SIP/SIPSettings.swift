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
