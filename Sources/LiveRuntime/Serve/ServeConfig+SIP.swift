import Foundation
import Telephony
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
///   trunk: "sip:{number}@pbx.example"   # where callbacks are dialled (`ivr callback next --dial`)
///   registrar: {uri: "sip:pbx.example", user: store, password_file: sip-password}   # or password_env: NAME
///   outbound_auth: {user: store, password_file: trunk-password}   # 401/407 on calls we place (default: the registrar's)
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
        /// Where callbacks are dialled: a SIP URI with `{number}` for the customer's number.
        public var trunk: String?
        /// The echo canceller of every SIP call (`echo_canceller: on`, `echo_tail`); nil: off, the default.
        public var echoCanceller: EchoCanceller.Settings?
    }

    static func parseSIP(_ node: Node?, resolve: (String) -> String, environment: [String: String],
                         fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> SIP? {
        guard let node else { return nil }
        if node.null != nil { return SIP(settings: SIPSettings(), flows: [:], line: node.mark?.line ?? 0) }
        guard let fields = node.mapping else {
            throw fail(node, "sip: must be a mapping, e.g. sip: {listen: \"127.0.0.1:5060\"}")
        }
        let known = ["listen", "max_calls", "codecs", "rtp_ports", "ring_seconds", "flows", "trunk", "registrar", "tcp",
                     "echo_canceller", "echo_tail", "outbound_auth"]
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
        if let value = fields["tcp"] {
            guard let on = value.bool else { throw fail(value, "sip tcp must be true or false") }
            settings.tcp = on
        }
        if let value = fields["registrar"] { settings.registration = try parseRegistrar(value, resolve: resolve, environment: environment, fail: fail) }
        if let value = fields["outbound_auth"] { settings.outboundAuth = try parseOutboundAuth(value, resolve: resolve, environment: environment, fail: fail) }
        var trunk: String?
        if let value = fields["trunk"] {
            guard let text = value.string, text.hasPrefix("sip:"), text.contains("{number}"),
                  isSIPAddress(text.replacingOccurrences(of: "{number}", with: "0")) else {
                throw fail(value, "sip trunk must be a SIP address with {number} where the customer's number goes, "
                    + "e.g. \"sip:{number}@pbx.example:5060\"")
            }
            trunk = text
        }
        // Off unless asked for: SIP phones, ATAs and gateways cancel their own echo (docs/LIVE.md).
        var echo: EchoCanceller.Settings?
        if fields["echo_canceller"] != nil {
            echo = try EchoSetting.parse(fields["echo_canceller"], tail: fields["echo_tail"], line: "sip", fail: fail)
        } else if let tail = fields["echo_tail"] {
            throw fail(tail, "echo_tail under sip: needs echo_canceller: on (SIP calls have no echo canceller unless turned on)")
        }
        return SIP(settings: settings, flows: flows, line: node.mark?.line ?? 0, trunk: trunk, echoCanceller: echo)
    }

    /// `registrar: {uri, user, password_file | password_env, expires}`. The password is read here,
    /// from the file (first line) or the environment variable; no message ever contains it.
    static func parseRegistrar(_ node: Node, resolve: (String) -> String, environment: [String: String],
                               fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> SIPSettings.Registration {
        let example = "e.g. registrar: {uri: \"sip:pbx.example\", user: store, password_file: sip-password}"
        guard let fields = node.mapping else { throw fail(node, "sip registrar must be a mapping, \(example)") }
        try checkCredentialKeys(fields, known: ["uri", "user", "password_file", "password_env", "expires"], under: "registrar", fail: fail)
        guard let uri = fields["uri"]?.string, uri.hasPrefix("sip:"), uri.count > 4, !uri.contains(where: \.isWhitespace) else {
            throw fail(fields["uri"] ?? node, "sip registrar needs uri: the registrar's SIP address, \(example)")
        }
        let user = try credentialUser(fields, of: node, under: "registrar", meaning: "the account name", fail: fail)
        var expires: UInt32 = 600
        if let value = fields["expires"] {
            guard let seconds = value.int, (60...86_400).contains(seconds) else {
                throw fail(value, "sip registrar expires must be seconds from 60 to 86400")
            }
            expires = UInt32(seconds)
        }
        let password = try readPassword(fields, of: node, what: "the registrar password", resolve: resolve,
                                        environment: environment, fail: fail)
        return SIPSettings.Registration(registrar: uri, user: user, expires: expires, password: password)
    }

    /// `outbound_auth: {user, password_file | password_env}`: the digest credentials of calls
    /// Switchboard places when a phone or trunk challenges them. The password is read here.
    static func parseOutboundAuth(_ node: Node, resolve: (String) -> String, environment: [String: String],
                                  fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> SIPSettings.Credentials {
        let example = "e.g. outbound_auth: {user: store, password_file: trunk-password}"
        guard let fields = node.mapping else { throw fail(node, "sip outbound_auth must be a mapping, \(example)") }
        try checkCredentialKeys(fields, known: ["user", "password_file", "password_env"], under: "outbound_auth", fail: fail)
        let user = try credentialUser(fields, of: node, under: "outbound_auth", meaning: "the digest user name", fail: fail)
        let password = try readPassword(fields, of: node, what: "the outbound_auth password", resolve: resolve,
                                        environment: environment, fail: fail)
        return SIPSettings.Credentials(user: user, password: password)
    }

    /// Refuses a key of `sip <section>:` that is not in `known`; a `password` key is told where
    /// passwords go instead.
    static func checkCredentialKeys(_ fields: Node.Mapping, known: [String], under section: String,
                                    fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) {
        for (key, _) in fields where !known.contains(key.string ?? "") {
            let hint = key.string == "password" ? "; never write the password here: use password_file or password_env" : ""
            throw fail(key, "unknown key '\(key.string ?? "?")' under sip \(section):; expected \(known.joined(separator: ", "))\(hint)")
        }
    }

    /// The `user:` of `sip <section>:` (letters, digits, + - _ .).
    static func credentialUser(_ fields: Node.Mapping, of node: Node, under section: String, meaning: String,
                               fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> String {
        guard let user = fields["user"]?.string, !user.isEmpty, user.allSatisfy({ $0.isLetter || $0.isNumber || "+-_.".contains($0) }) else {
            throw fail(fields["user"] ?? node, "sip \(section) needs user: \(meaning) (letters, digits, + - _ .)")
        }
        return user
    }

    /// The password of `password_file` (its first line) or `password_env` (looked up in
    /// `environment`); no message contains it.
    static func readPassword(_ fields: Node.Mapping, of node: Node, what: String, resolve: (String) -> String,
                             environment: [String: String], fail: (Node?, String) -> ServeConfigError) throws(ServeConfigError) -> String {
        switch (fields["password_file"], fields["password_env"]) {
        case (let file?, nil):
            guard let name = file.string, !name.isEmpty else { throw fail(file, "password_file must be a path") }
            let path = resolve(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let first = text.split(separator: "\n", omittingEmptySubsequences: false).first, !first.isEmpty else {
                throw fail(file, "cannot read \(what) from \(path) (its first line); check the file and its permissions")
            }
            return String(first).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        case (nil, let env?):
            guard let name = env.string, !name.isEmpty else { throw fail(env, "password_env must name an environment variable") }
            guard let value = environment[name], !value.isEmpty else {
                throw fail(env, "the environment variable \(name) (\(what)) is not set")
            }
            return value
        default:
            throw fail(node, "sip \(what == "the registrar password" ? "registrar" : "outbound_auth") needs exactly one of password_file or password_env")
        }
    }
}
