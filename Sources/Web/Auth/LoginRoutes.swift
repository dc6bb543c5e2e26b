import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// `GET /login` (form), `POST /login` (fields `user`, `password`, hidden `csrf`), `POST /logout`.
///
/// Before sign-in there is no session to hold a CSRF token, so the form uses a double-submit
/// token: `GET /login` sets it in the `ivr_login` cookie (HttpOnly, SameSite=Strict) and in the
/// hidden field, and `POST /login` requires both to match.
struct LoginRoutes {
    static let loginCookie = "ivr_login"
    let gate: SessionGate
    let limiter: LoginLimiter

    func add(to router: Router<WebContext>) {
        router.get("/login") { request, _ -> Response in
            if let session = try gate.session(request) { return Reply.redirect(Self.home(of: session.user.role)) }
            return form(message: nil, status: .ok)
        }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, _ -> Response in
            let form = try await Body.form(request, limit: gate.settings.maxFormBytes)
            let session = try gate.requireChange(request, [.agent, .supervisor, .staff], form: form)
            if let token = request.cookies[SessionGate.cookie]?.value { try gate.store.deleteWebSession(token: token) }
            _ = session
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: gate.clearedCookie(SessionGate.cookie)))
            return Reply.redirect("/login", headers: headers)
        }
    }

    static func home(of role: WebRole) -> String {
        switch role {
        case .agent: "/desk"
        case .supervisor: "/wallboard"
        case .staff: "/prompts"
        }
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let fields = try await Body.form(request, limit: gate.settings.maxFormBytes)
        let cookie = request.cookies[Self.loginCookie]?.value ?? ""
        guard !cookie.isEmpty, Tokens.equal(fields["csrf"] ?? "", cookie) else {
            return form(message: "The sign-in form expired or was not sent by this site; try again.", status: .forbidden)
        }
        let name = fields["user"] ?? "", password = fields["password"] ?? ""
        let keys = ["user:" + name.lowercased(), "address:" + context.clientAddress]
        let now = Date()
        if let wait = await limiter.retryAfter(keys, now: now) {
            var response = form(message: "Too many failed sign-ins; wait \(Int(wait.rounded(.up))) seconds and try again.",
                                status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let user = try? gate.store.webUser(name)
        let matches = Passwords.verify(password, hash: user?.passwordHash ?? Passwords.decoy)
        guard let user, matches else {
            await limiter.fail(keys, now: now)
            return form(message: "Wrong user name or password.", status: .unauthorized)
        }
        await limiter.succeed(keys[0])
        let token = Tokens.make()
        try gate.store.createWebSession(token: token, user: user.name, csrf: Tokens.make(), now: now,
                                        lifetime: gate.settings.sessionLifetime)
        var headers = HTTPFields()
        headers.append(HTTPField(name: .setCookie, value: gate.sessionCookie(token)))
        headers.append(HTTPField(name: .setCookie, value: gate.clearedCookie(Self.loginCookie, path: "/login")))
        return Reply.redirect(Self.home(of: user.role), headers: headers)
    }

    private func form(message: String?, status: HTTPResponse.Status) -> Response {
        let token = Tokens.make()
        let note = message.map { "<p class=\"error\" role=\"alert\">\(Page.escape($0))</p>" } ?? ""
        let body = """
            <section class="card narrow login"><h1>Sign in</h1>\(note)
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">
            <label>User name <input name="user" id="user" autocomplete="username" required autofocus></label>
            <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="signin">Sign in</button></form></section>
            """
        var headers = HTTPFields()
        headers.append(HTTPField(name: .setCookie, value: "\(Self.loginCookie)=\(token); Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict"
                                 + (gate.settings.secureCookies ? "; Secure" : "")))
        return Reply.html(Page.shell(title: "Sign in", session: nil, script: nil, body: body, bodyClass: "login-page"),
                          status: status, headers: headers)
    }
}
