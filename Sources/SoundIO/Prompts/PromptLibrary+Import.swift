import Foundation

/// What importing or recording a prompt did.
public struct PromptTakeResult: Sendable, Equatable {
    /// Where the prompt now is, and where the previous take went.
    public var installation: PromptInstallation
    /// The trimmed and levelled audio, with its warnings.
    public var take: LevelledTake
    /// What was missing from a truncated source imported with `force`.
    public var truncation: SoundFileTruncation?
}

extension PromptLibrary {
    /// The converter for imports: the measured choice in docs/AUDIO.md (passband and stopband
    /// of a 48 kHz to 8 kHz conversion).
    public static let importQuality = Resampler.Quality.medium

    /// Converts any sound file libsndfile reads into prompt `name`: engine format, trimmed, levelled.
    ///
    /// The file is read in blocks and levelled from a scratch file in the library folder, so memory
    /// stays the same for a file of any length. A file whose header promises more audio than it
    /// holds is refused (`.truncated`) unless `force` is set. The previous take, if any, is kept in
    /// `.backup/`.
    public func importFile(_ path: String, as name: PromptName, levelling: PromptLevelling = PromptLevelling(),
                           force: Bool = false, at time: Date = Date()) throws(PromptLibraryError) -> PromptTakeResult {
        try checkFolder()
        let reader: SoundFileReader
        do { reader = try SoundFileReader(path, quality: Self.importQuality) } catch { throw .sound(error) }
        if let truncation = reader.truncation, !force { throw .truncated(truncation) }
        let scratch = (folder as NSString).appendingPathComponent(".\(name.value).import.raw")
        let partial = (folder as NSString).appendingPathComponent(".\(name.value).wav.partial")
        let take = try StreamedTake(reading: reader, into: scratch)
        defer { take.remove() }
        if let truncation = reader.truncation, !force { throw .truncated(truncation) }
        let levelled: LevelledTake
        do { levelled = try levelling.apply(take, writingTo: partial, source: path) } catch {
            unlink(partial)
            throw error
        }
        let installation = try installWritten(partial, as: name, at: time)
        return PromptTakeResult(installation: installation, take: levelled, truncation: reader.truncation)
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
