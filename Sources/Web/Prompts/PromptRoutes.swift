import Foundation
import Hummingbird
import SoundIO
import Storage

/// The prompt studio (staff): `GET /prompts` (page), `GET /api/prompts`, `GET /api/prompts/{name}/audio`,
/// `POST /api/prompts/{name}/take` (a recording made in the browser, WAV, or an uploaded file in any
/// format libsndfile reads).
///
/// A take goes through `PromptLibrary.importFile`, the code behind `ivr prompt import` and
/// `ivr prompt record`: converted to 8 kHz mono, trimmed, levelled, the previous take kept in
/// `.backup/`. Names are checked by `PromptName` (the rule `ivr prompt` applies); nothing else from
/// the request reaches a path. The raw upload is written under `.takes/` with a name the server chooses.
struct PromptRoutes {
    let gate: SessionGate

    func add(to router: Router<WebContext>) {
        router.get("/prompts") { request, _ -> Response in
            let session = try gate.require(request, [.staff])
            return Reply.html(Page.shell(title: "Prompt studio", session: session, script: "prompts", body: PromptsPage.body))
        }
        router.get("/api/prompts") { request, _ -> Response in
            _ = try gate.require(request, [.staff])
            let statuses = try gate.settings.prompts.statuses()
            return try Reply.json(statuses.map(PromptItem.init))
        }
        router.get("/api/prompts/{name}/audio") { request, context -> Response in
            _ = try gate.require(request, [.staff])
            let name = try promptName(context)
            let path = gate.settings.prompts.path(for: name)
            guard FileManager.default.fileExists(atPath: path) else { throw WebError.notFound("prompt \(name) has no recording yet") }
            return try RangeRequest.serve(URL(fileURLWithPath: path), type: "audio/wav", request: request)
        }
        router.post("/api/prompts/{name}/take") { request, context -> Response in
            _ = try gate.requireChange(request, [.staff])
            let name = try promptName(context)
            let library = gate.settings.prompts
            try library.checkFolder()
            let bytes = try await Body.bytes(request, limit: gate.settings.maxUploadBytes)
            guard !bytes.isEmpty else { throw WebError.badRequest("the upload is empty") }
            let takes = (library.folder as NSString).appendingPathComponent(".takes")
            try? FileManager.default.createDirectory(atPath: takes, withIntermediateDirectories: true)
            let upload = (takes as NSString).appendingPathComponent("web-\(name.value)-\(Tokens.make().prefix(12))")
            guard FileManager.default.createFile(atPath: upload, contents: Data(bytes)) else {
                throw WebError(status: .internalServerError, message: "cannot write the take to \(takes); check the folder's permissions")
            }
            defer { try? FileManager.default.removeItem(atPath: upload) }
            let result = try library.importFile(upload, as: name)
            return try Reply.json(TakeItem(name: name.value, result: result))
        }
    }

    private func promptName(_ context: WebContext) throws -> PromptName {
        let text = context.parameters.get("name") ?? ""
        guard let name = PromptName(text) else { throw WebError.badRequest(PromptName.rule(for: text)) }
        return name
    }
}

/// One prompt as the studio lists it.
struct PromptItem: Encodable {
    var name: String
    var text: String?
    var present: Bool
    var duration: Double
    var rmsDBFS: Double?
    var peakDBFS: Double?
    var warnings: [String]

    init(_ status: PromptStatus) {
        name = status.name.value
        text = status.text
        present = status.isPresent
        duration = status.duration
        rmsDBFS = status.levels.map { ($0.rmsDBFS * 10).rounded() / 10 }.flatMap { $0.isFinite ? $0 : nil }
        peakDBFS = status.levels.map { ($0.peakDBFS * 10).rounded() / 10 }.flatMap { $0.isFinite ? $0 : nil }
        warnings = status.warnings.map(\.description)
    }

    enum CodingKeys: String, CodingKey {
        case name, text, present, duration, warnings
        case rmsDBFS = "rms_dbfs"
        case peakDBFS = "peak_dbfs"
    }
}

/// What a kept take became.
struct TakeItem: Encodable {
    var name: String
    var duration: Double
    var gainDB: Double
    var rmsDBFS: Double
    var backup: String?
    var warnings: [String]

    init(name: String, result: PromptTakeResult) {
        self.name = name
        duration = result.take.duration
        gainDB = (result.take.gainDB * 10).rounded() / 10
        rmsDBFS = (result.take.outputLevels.rmsDBFS * 10).rounded() / 10
        backup = result.installation.backup.map { ($0 as NSString).lastPathComponent }
        warnings = result.take.warnings.map(\.description)
    }

    enum CodingKeys: String, CodingKey {
        case name, duration, backup, warnings
        case gainDB = "gain_db"
        case rmsDBFS = "rms_dbfs"
    }
}
