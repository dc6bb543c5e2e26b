import Foundation
import SIP
import Yams

/// The `sip:` section of serve.yaml: callers reach the server over SIP and RTP.
///
/// ```yaml
/// sip:
///   listen: "127.0.0.1:5060"      # UDP (default 127.0.0.1:5060)
///   max_calls: 100                # more INVITEs get 503 with Retry-After
///   codecs: [PCMU, PCMA]          # preference order
///   rtp_ports: 10000-20000
///   ring_seconds: 0               # time between 180 Ringing and the answer
///   flows:                        # which flow answers which called number (default: flow:)
///     default: flows/store.yaml
///     "+442079460099": flows/returns.yaml
/// ```
extension ServeConfig {
    /// The SIP side of the server.
    public struct SIP: Sendable, Equatable {
        /// Listen address, capacity, codecs, RTP ports, ring time.
        public var settings: SIPSettings
        /// Flow file by called number (`default` for the rest); empty: the top-level `flow:`.
        public var flows: [String: String]
        /// Line in the config file, for messages.
        public var line: Int
    }

    static func parseSIP(_ node: Node?, resolve: (String) -> String,
                         fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> SIP? {
        guard let node else { return nil }
        if node.null != nil { return SIP(settings: SIPSettings(), flows: [:], line: node.mark?.line ?? 0) }
        guard let fields = node.mapping else {
            throw fail(node, "sip: must be a mapping, e.g. sip: {listen: \"127.0.0.1:5060\"}")
        }
        let known = ["listen", "max_calls", "codecs", "rtp_ports", "ring_seconds", "flows"]
        for (key, _) in fields where !known.contains(key.string ?? "") {
            throw fail(key, "unknown key '\(key.string ?? "?")' under sip:; expected \(known.joined(separator: ", "))")
        }
        var settings = SIPSettings()
        if let listen = fields["listen"] {
            guard let text = listen.string, let colon = text.lastIndex(of: ":"),
                  let port = UInt16(text[text.index(after: colon)...]), port > 0, colon > text.startIndex else {
                throw fail(listen, "sip listen must be ADDRESS:PORT, e.g. \"127.0.0.1:5060\"")
            }
            settings.host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            settings.port = port
        }
        if let value = fields["max_calls"] {
            guard let count = value.int, (1...10_000).contains(count) else {
                throw fail(value, "sip max_calls must be a whole number from 1 to 10000")
            }
            settings.maxCalls = count
        }
        if let value = fields["codecs"] {
            guard let list = value.sequence, !list.isEmpty else { throw fail(value, "sip codecs must be a list, e.g. [PCMU, PCMA]") }
            var codecs: [SIPSettings.Codec] = []
            for item in list {
                guard let codec = item.string.flatMap({ SIPSettings.Codec(rawValue: $0.uppercased()) }) else {
                    throw fail(item, "unknown codec '\(item.string ?? "?")'; Switchboard speaks PCMU and PCMA")
                }
                if !codecs.contains(codec) { codecs.append(codec) }
            }
            settings.codecs = codecs
        }
        if let value = fields["rtp_ports"] {
            let parts = (value.string ?? "").split(separator: "-").compactMap { UInt16($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, parts[0] >= 1024, parts[0] < parts[1] else {
                throw fail(value, "sip rtp_ports must be LOW-HIGH with 1024 <= LOW < HIGH, e.g. 10000-20000")
            }
            settings.rtpPorts = parts[0]...parts[1]
        }
        if let value = fields["ring_seconds"] {
            guard let seconds = value.float, seconds >= 0, seconds <= 60 else {
                throw fail(value, "sip ring_seconds must be seconds from 0 to 60")
            }
            settings.ringSeconds = seconds
        }
        var flows: [String: String] = [:]
        if let value = fields["flows"] {
            guard let mapping = value.mapping else {
                throw fail(value, "sip flows must map called numbers (or default) to flow files")
            }
            for (key, path) in mapping {
                guard let number = key.string, !number.isEmpty else { throw fail(key, "a sip flows key must be a number or default") }
                guard let file = path.string, !file.isEmpty else { throw fail(path, "sip flows \(number) must be a flow file") }
                flows[number] = resolve(file)
            }
        }
        return SIP(settings: settings, flows: flows, line: node.mark?.line ?? 0)
    }
}
