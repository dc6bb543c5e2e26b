import Foundation
import Telephony

/// One row of `ivr prompt list`: a prompt, whether its file is there, its length, level and warnings.
public struct PromptStatus: Sendable, Equatable {
    /// The prompt.
    public var name: PromptName
    /// The manifest's text for it, if listed.
    public var text: String?
    /// Whether a file exists for it.
    public var isPresent: Bool
    /// Length in seconds (0 when missing or unreadable).
    public var duration: Double
    /// Levels of the file as engine audio (nil when missing or unreadable).
    public var levels: AudioLevels?
    /// Whether a flow being checked uses it (nil when no flow was given).
    public var usedByFlow: Bool?
    /// What needs attention.
    public var warnings: [PromptWarning]
}

/// Thresholds `ivr prompt list` applies to library files.
public struct PromptChecks: Sendable, Equatable {
    /// A prompt quieter than this RMS level is flagged too quiet, in dBFS.
    public var tooQuietDBFS: Double = -30
    /// This many samples at full scale or more count as clipping.
    public var clippedSamplesAllowed: Int = 1

    /// The documented defaults (-30 dBFS RMS; any two full-scale samples).
    public init() {}
}

extension PromptLibrary {
    /// The status of every prompt in the manifest, every prompt file in the folder, and every
    /// name in `required` (e.g. the prompts a flow plays), sorted by name.
    public func statuses(required: Set<PromptName>? = nil, checks: PromptChecks = PromptChecks())
        throws(PromptLibraryError) -> [PromptStatus] {
        let manifest = try manifest()
        let files = Set(try recordedNames())
        let listed = Set(manifest.entries.map(\.name))
        let names = files.union(listed).union(required ?? [])
        return names.sorted().map { name in
            var status = PromptStatus(name: name, text: manifest.entry(name)?.text, isPresent: files.contains(name),
                                      duration: 0, levels: nil, usedByFlow: required.map { $0.contains(name) },
                                      warnings: [])
            if status.isPresent { inspect(&status, checks: checks) }
            if status.isPresent && !listed.contains(name) { status.warnings.append(.notInManifest) }
            return status
        }
    }

    private func inspect(_ status: inout PromptStatus, checks: PromptChecks) {
        let path = path(for: status.name)
        do {
            let info = try SoundFile.info(path)
            let samples = try SoundFile.read(path)
            let levels = LevelMeter.measure(samples)
            status.duration = info.duration
            status.levels = levels
            if !info.isEngineFormat {
                status.warnings.append(.wrongFormat(found: "\(info.container), \(info.encoding), "
                                                    + "\(info.channels) ch, \(info.sampleRate) Hz"))
            }
            if levels.peak == 0 {
                status.warnings.append(.silent)
            } else if levels.rmsDBFS < checks.tooQuietDBFS {
                status.warnings.append(.tooQuiet(rmsDBFS: levels.rmsDBFS))
            }
            if levels.clippedSamples > checks.clippedSamplesAllowed {
                status.warnings.append(.clipping(samples: levels.clippedSamples))
            }
        } catch {
            status.warnings.append(.unreadable(reason: error.description))
        }
    }
}
