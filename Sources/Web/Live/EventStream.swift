import Foundation
import HTTPTypes
import Hummingbird

/// A Server-Sent Events response: one `data:` event with `render()`'s JSON now and after every
/// change the feed reports, until the browser goes away or `render` returns nil (the session
/// ended: signed out, expired or the user removed).
enum EventStream {
    static func response(feed: ChangeFeed, render: @escaping @Sendable () throws -> Data?) -> Response {
        let body = ResponseBody { writer in
            var last = Data()
            for await _ in feed.subscribe() {
                let payload: Data
                do {
                    guard let rendered = try render() else { break }
                    payload = rendered
                } catch {
                    payload = Data("{\"error\":\"the store could not be read\"}".utf8)
                }
                if payload == last {
                    try await writer.write(ByteBuffer(string: ": tick\n\n"))
                    continue
                }
                last = payload
                var buffer = ByteBuffer(string: "data: ")
                buffer.writeBytes(payload)
                buffer.writeString("\n\n")
                try await writer.write(buffer)
            }
            try await writer.finish(nil)
        }
        var headers = Reply.secured([.contentType: "text/event-stream", .cacheControl: "no-store"])
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }
}
