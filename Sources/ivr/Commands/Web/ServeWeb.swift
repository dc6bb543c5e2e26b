import Foundation
import SoundIO
import Storage
import Web

/// The browser desk inside `ivr serve`: on by default at 127.0.0.1:8080; `--web HOST:PORT` or
/// `web: HOST:PORT` in the config moves it, `--no-web` or `web: off` turns it off.
enum ServeWeb {
    /// Starts the server unless turned off; nil when off.
    static func start(flag: String?, disabled: Bool, config: String?, data: DataDirectory, prompts: PromptLibrary,
                      log: @escaping @Sendable (String) -> Void) throws -> WebServer? {
        if disabled { return nil }
        let text = flag ?? config ?? ListenAddress.standard.description
        if ["off", "false", "no"].contains(text.lowercased()) { return nil }
        let listen = ["on", "true", "yes"].contains(text.lowercased()) ? ListenAddress.standard : try ListenAddress.parse(text).get()
        var settings = WebSettings(data: data, prompts: prompts)
        settings.listen = listen
        let server = try WebServer(settings: settings, log: log)
        server.start()
        return server
    }
}
