import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Every page and API goes through here: the session cookie must name a live session, the user
/// must have one of the roles allowed, and a change must carry the session's CSRF token.
struct SessionGate: Sendable {
    static let cookie = "ivr_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let store: Store
    let settings: WebSettings

    /// The signed-in session, or nil (no cookie, unknown or expired token).
    func session(_ request: Request) throws -> WebSession? {
        guard let token = request.cookies[Self.cookie]?.value, token.count == 64,
              token.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return try store.webSession(token: token, now: Date())
    }

    /// A session whose user has one of `roles`. APIs answer 401/403; pages send the browser to
    /// `/login` when nobody is signed in.
    func require(_ request: Request, _ roles: Set<WebRole>) throws -> WebSession {
        guard let session = try session(request) else {
            if request.uri.path.hasPrefix("/api/") { throw WebError.notSignedIn() }
            var error = WebError(status: .seeOther, message: "sign in first")
            error.headers[.location] = "/login"
            throw error
        }
        guard roles.contains(session.user.role) else {
            throw WebError.forbidden("your role (\(session.user.role.rawValue)) may not use this; "
                                     + "it is for \(roles.map(\.rawValue).sorted().joined(separator: " or "))")
        }
        return session
    }

    /// For an event stream opened by `request`: whether its session is still live. Asked before
    /// every push, so signing out, expiry or `ivr user passwd/role/remove` ends the stream.
    func stillSignedIn(_ request: Request) -> @Sendable () throws -> Bool {
        let token = request.cookies[Self.cookie]?.value ?? ""
        let store = self.store
        return { try store.webSession(token: token, now: Date()) != nil }
    }

    /// As `require`, and the request must carry the session's CSRF token in the `X-CSRF-Token`
    /// header (or, for plain forms, the `csrf` field of `form`).
    func requireChange(_ request: Request, _ roles: Set<WebRole>, form: [String: String] = [:]) throws -> WebSession {
        let session = try require(request, roles)
        let sent = request.headers[Self.csrfHeader] ?? form["csrf"] ?? ""
        guard Tokens.equal(sent, session.csrf) else {
            throw WebError.forbidden("the request lacks this page's CSRF token; reload the page and try again")
        }
        return session
    }

    /// The `Set-Cookie` value of a new session.
    func sessionCookie(_ token: String) -> String {
        "\(Self.cookie)=\(token); Path=/; Max-Age=\(Int(settings.sessionLifetime)); HttpOnly; SameSite=Strict"
            + (settings.secureCookies ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that removes a cookie.
    func clearedCookie(_ name: String, path: String = "/") -> String {
        "\(name)=; Path=\(path); Max-Age=0; HttpOnly; SameSite=Strict" + (settings.secureCookies ? "; Secure" : "")
    }
}

/// Reading request bodies within a size limit.
enum Body {
    /// The body as bytes, refused with 413 past `limit`.
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw WebError(status: .contentTooLarge, message: "the upload is larger than \(limit / 1024) KiB")
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw WebError(status: .contentTooLarge, message: "the upload is larger than \(limit / 1024) KiB")
        }
    }

    /// An `application/x-www-form-urlencoded` body as fields (the last of repeated names wins).
    static func form(_ request: Request, limit: Int) async throws -> [String: String] {
        let text = String(decoding: try await bytes(request, limit: limit), as: UTF8.self)
        return parseForm(text)
    }

    static func parseForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// A JSON body decoded as `T`, refused with 400 when it does not match.
    static func json<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let bytes = try await bytes(request, limit: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw WebError.badRequest("the request body is not the JSON this call takes")
        }
    }
}
