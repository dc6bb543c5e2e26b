import Foundation

/// What importing or recording a prompt did.
public struct PromptTakeResult: Sendable, Equatable {
    /// Where the prompt now is, and where the previous take went.
    public var installation: PromptInstallation
    /// The trimmed and levelled audio, with its warnings.
    public var take: LevelledTake
}

extension PromptLibrary {
    /// Converts any sound file libsndfile reads into prompt `name`: engine format, trimmed, levelled.
    ///
    /// The previous take, if any, is kept in `.backup/`.
    public func importFile(_ path: String, as name: PromptName, levelling: PromptLevelling = PromptLevelling(),
                           at time: Date = Date()) throws(PromptLibraryError) -> PromptTakeResult {
        try checkFolder()
        let samples: [Int16]
        do { samples = try SoundFile.read(path, quality: .best) } catch { throw .sound(error) }
        return try installTake(samples, as: name, source: path, levelling: levelling, at: time)
    }

    /// Trims, levels and installs raw take audio as prompt `name`.
    public func installTake(_ samples: [Int16], as name: PromptName, source: String,
                            levelling: PromptLevelling = PromptLevelling(),
                            at time: Date = Date()) throws(PromptLibraryError) -> PromptTakeResult {
        let take = try levelling.apply(samples, source: source)
        let installation = try install(take.samples, as: name, at: time)
        return PromptTakeResult(installation: installation, take: take)
    }
}
