import Hummingbird

/// The request context of the browser desk: Hummingbird's core storage plus the client's address
/// (for the sign-in rate limit).
public struct WebContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the proxy's, behind a reverse proxy), or `unknown`.
    public let clientAddress: String

    /// Built by Hummingbird for each request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
