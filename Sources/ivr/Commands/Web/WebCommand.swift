import ArgumentParser
import Foundation
import SoundIO
import Storage
import Web

/// `ivr web [--listen HOST:PORT] [--data DIR] [--prompts DIR]`: the browser desk on its own.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the browser desk: agent desk, voicemail, wallboard, prompt studio, reports (see docs/WEB.md).",
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise. Users sign in with accounts made by \
            `ivr user add`. To reach it from other machines, keep it on 127.0.0.1 and put an HTTPS \
            reverse proxy in front (docs/WEB.md); it warns loudly when bound elsewhere. `ivr serve` \
            runs the same server unless started with --no-web. Ctrl-C stops it.
            """)

    @OptionGroup var options: WebOptions

    func run() async throws {
        let settings = try options.settings()
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let server: WebServer
        do { server = try WebServer(settings: settings, log: log) } catch let error as StoreError {
            StoreText.printError(error.description)
            throw ExitCode(StoreExitCode.refused)
        }
        if try Store(directory: settings.data).webUsers().isEmpty {
            StoreText.printWarning("no users yet: add one with `ivr user add NAME --role supervisor --password-stdin`")
        }
        try await server.runUntilSignalled { port in
            print("ivr web: http://\(ListenAddress(host: settings.listen.host, port: port))/")
            fflush(nil)
        }
    }
}

/// The options of `ivr web`, shared with the web server inside `ivr serve`.
struct WebOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).",
                               valueName: "HOST:PORT"))
    var listen: String = ListenAddress.standard.description

    @Option(help: ArgumentHelp("Data directory (default: $IVR_DATA, else ./data).", valueName: "DIR"))
    var data: String?

    @Option(help: ArgumentHelp("Prompt library (default: $IVR_PROMPTS, else ./prompts).", valueName: "DIR"))
    var prompts: String?

    @Flag(help: "Mark cookies Secure (when users come through an HTTPS reverse proxy).")
    var secureCookies = false

    @Option(help: ArgumentHelp("Hours a sign-in lasts (default 8).", valueName: "HOURS"))
    var sessionHours: Double = 8

    @Option(help: ArgumentHelp("Largest prompt upload in MiB (default 16).", valueName: "MIB"))
    var maxUploadMib: Int = 16

    func validate() throws {
        if case .failure(let error) = ListenAddress.parse(listen) { throw ValidationError(error.description) }
        guard sessionHours > 0, sessionHours <= 24 * 30 else { throw ValidationError("--session-hours must be between 0 and 720") }
        guard (1...1024).contains(maxUploadMib) else { throw ValidationError("--max-upload-mib must be 1-1024") }
    }

    /// The settings these options describe.
    func settings() throws -> WebSettings {
        var settings = WebSettings(data: DataDirectory.resolve(explicit: data), prompts: PromptLibrary.locate(option: prompts))
        settings.listen = try ListenAddress.parse(listen).get()
        settings.secureCookies = secureCookies
        settings.sessionLifetime = sessionHours * 3600
        settings.maxUploadBytes = maxUploadMib << 20
        return settings
    }
}
