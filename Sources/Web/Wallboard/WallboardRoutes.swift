import Foundation
import Hummingbird
import Storage

/// `GET /wallboard` (page), `GET /api/wallboard` (JSON), `GET /api/wallboard/events` (SSE); supervisors only.
struct WallboardRoutes {
    let gate: SessionGate
    let feed: ChangeFeed
    let cache: WallboardCache

    func add(to router: Router<WebContext>) {
        router.get("/wallboard") { request, _ -> Response in
            let session = try gate.require(request, [.supervisor])
            return Reply.html(Page.shell(title: "Wallboard", session: session, script: "wallboard", body: """
                <section id="wallboard" class="wallboard" aria-live="polite">
                <div id="queues" class="queues"></div><h2 class="agents-title">Agents</h2><div id="agents" class="agent-tiles"></div>
                <p class="stamp">Updated <span id="updated">–</span> · <span id="conn">connecting…</span></p></section>
                """, bodyClass: "board"))
        }
        router.get("/api/wallboard") { request, _ -> Response in
            _ = try gate.require(request, [.supervisor])
            let json = try cache.json(change: feed.current, now: Date())
            return Response(status: .ok, headers: Reply.secured([.contentType: "application/json"]),
                            body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        router.get("/api/wallboard/events") { request, _ -> Response in
            _ = try gate.require(request, [.supervisor])
            let live = gate.stillSignedIn(request), feed = self.feed, cache = self.cache
            return EventStream.response(feed: feed) {
                guard try live() else { return nil }
                return try cache.json(change: feed.current, now: Date())
            }
        }
    }
}
