import Foundation
import HTTPTypes
import Hummingbird

/// A refusal the browser desk answers with: an HTTP status and a message a person can act on.
/// Rendered as JSON for `/api/…` and as a page otherwise (never a stack trace).
struct WebError: Error {
    var status: HTTPResponse.Status
    var message: String
    /// Extra headers (e.g. `Retry-After`, `Location`).
    var headers: HTTPFields = [:]

    static func notSignedIn() -> WebError { WebError(status: .unauthorized, message: "sign in first") }
    static func forbidden(_ what: String) -> WebError { WebError(status: .forbidden, message: what) }
    static func notFound(_ what: String = "no such page") -> WebError { WebError(status: .notFound, message: what) }
    static func badRequest(_ what: String) -> WebError { WebError(status: .badRequest, message: what) }
    static func conflict(_ what: String) -> WebError { WebError(status: .conflict, message: what) }
}

/// Builders for the responses the desk sends.
enum Reply {
    /// Headers every response carries: no caching of private data, no framing, no sniffing,
    /// scripts and styles only from the binary itself.
    static func secured(_ headers: HTTPFields = [:]) -> HTTPFields {
        var fields = headers
        fields[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if fields[.cacheControl] == nil { fields[.cacheControl] = "no-store" }
        return fields
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: secured(fields), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = type
        return Response(status: status, headers: secured(fields), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(status: status, headers: secured([.contentType: "application/json"]),
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: secured(fields))
    }

    /// The error as JSON (`{"error": …}`) for API paths, else as a small page.
    static func error(_ error: WebError, path: String) -> Response {
        if path.hasPrefix("/api/") {
            let body = (try? JSONEncoder().encode(["error": error.message])) ?? Data("{}".utf8)
            var fields = error.headers
            fields[.contentType] = "application/json"
            return Response(status: error.status, headers: secured(fields), body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let page = Page.shell(title: "\(error.status.code) \(error.status.reasonPhrase)", session: nil, script: nil, body: """
            <section class="card narrow"><h1>\(error.status.code) \(Page.escape(error.status.reasonPhrase))</h1>
            <p>\(Page.escape(error.message))</p><p><a href="/">Back to the desk</a></p></section>
            """)
        return html(page, status: error.status, headers: error.headers)
    }
}

/// Turns every error into a JSON or HTML answer: `WebError`s as they are, store refusals as
/// 409/404 with their message, anything else as a 500 whose details go to the log only.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return Reply.error(error, path: request.uri.path)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "no such page" : (error.body ?? error.status.reasonPhrase)
            return Reply.error(WebError(status: error.status, message: message), path: request.uri.path)
        } catch let error as CustomStringConvertible & Error {
            let refusal = StoreRefusal.classify(error)
            if let refusal { return Reply.error(refusal, path: request.uri.path) }
            log("error: \(request.method) \(request.uri.path): \(error)")
            return Reply.error(WebError(status: .internalServerError, message: "something went wrong; the server log has the details"),
                               path: request.uri.path)
        } catch {
            log("error: \(request.method) \(request.uri.path): \(error)")
            return Reply.error(WebError(status: .internalServerError, message: "something went wrong; the server log has the details"),
                               path: request.uri.path)
        }
    }
}
