import Storage

/// The HTML around every page: head, navigation for the user's role, sign-out form.
/// Pages carry no inline script or style (the Content-Security-Policy forbids both): the
/// CSRF token travels in a `<meta>` the page's script reads.
enum Page {
    static func shell(title: String, session: WebSession?, script: String?, body: String, bodyClass: String = "") -> String {
        let scriptTag = script.map { "<script src=\"/assets/\($0).js\" defer></script>" } ?? ""
        let csrf = session.map { "<meta name=\"csrf\" content=\"\(escape($0.csrf))\">" } ?? ""
        let who = session.map { "<meta name=\"user\" content=\"\(escape($0.user.name))\" data-role=\"\($0.user.role.rawValue)\" "
            + "data-agent=\"\(escape($0.user.agentID ?? ""))\">" } ?? ""
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Switchboard</title>
            <link rel="stylesheet" href="/assets/app.css">\(csrf)\(who)
            <script src="/assets/common.js" defer></script>\(scriptTag)
            </head><body class="\(bodyClass)">\(navigation(session))<main>\(body)</main></body></html>
            """
    }

    static func navigation(_ session: WebSession?) -> String {
        guard let session else { return "" }
        var links: [(String, String)] = []
        switch session.user.role {
        case .agent: links = [("/desk", "Desk"), ("/voicemail", "Voicemail")]
        case .supervisor: links = [("/wallboard", "Wallboard"), ("/desk", "Desk"), ("/voicemail", "Voicemail"), ("/reports", "Reports")]
        case .staff: links = [("/prompts", "Prompt studio")]
        }
        let items = links.map { "<a href=\"\($0.0)\">\($0.1)</a>" }.joined()
        return """
            <nav class="top"><span class="brand">Switchboard</span>\(items)<span class="grow"></span>
            <span class="who">\(escape(session.user.name)) · \(session.user.role.rawValue)</span>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(escape(session.csrf))">
            <button type="submit" class="link">Sign out</button></form></nav>
            """
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
