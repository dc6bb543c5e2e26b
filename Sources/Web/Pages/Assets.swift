/// The stylesheet and scripts, compiled into the binary (no CDN, no build step).
/// Served at `/assets/NAME` from this table only: no request reaches the file system here.
enum Assets {
    struct File: Sendable {
        var type: String
        var content: String
    }

    static let files: [String: File] = [
        "app.css": File(type: "text/css; charset=utf-8", content: css),
        "common.js": File(type: "text/javascript; charset=utf-8", content: commonJS),
        "desk.js": File(type: "text/javascript; charset=utf-8", content: deskJS),
        "voicemail.js": File(type: "text/javascript; charset=utf-8", content: voicemailJS),
        "wallboard.js": File(type: "text/javascript; charset=utf-8", content: wallboardJS),
        "prompts.js": File(type: "text/javascript; charset=utf-8", content: promptsJS),
    ]
}
