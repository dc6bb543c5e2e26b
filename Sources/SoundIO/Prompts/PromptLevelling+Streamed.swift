import Foundation
import Telephony

extension PromptLevelling {
    /// `apply` for a take of any length, read from disk in blocks and written to `output` as a
    /// WAV file: the same DC removal, trim and gain, sample for sample, in constant memory.
    ///
    /// Three passes over the take: find the sound (10 ms frames), measure the trimmed take,
    /// then write it scaled. The result's `samples` is empty; `frameCount` says how long it is.
    func apply(_ take: StreamedTake, writingTo output: String, source: String) throws(PromptLibraryError) -> LevelledTake {
        let range = try soundRange(of: take)
        guard !range.isEmpty else { throw .silentTake(source: source) }
        var meter = LevelMeter()
        try take.forEachBlockWithoutDC { block, offset in
            let part = Self.overlap(block, offset, range)
            if !part.isEmpty { meter.process(part) }
        }
        let before = meter.levels
        guard before.peak > 0 else { throw .silentTake(source: source) }
        // As AudioEdit.normalise: the target RMS level unless a peak would pass the ceiling.
        var gainDB = targetRMSDBFS - before.rmsDBFS
        let limited = before.peakDBFS + gainDB > peakCeilingDBFS
        if limited { gainDB = peakCeilingDBFS - before.peakDBFS }
        let gain = Decibels.amplitudeRatio(gainDB)
        var after = LevelMeter()
        let writer: WAVWriter
        do { writer = try WAVWriter(path: output) } catch { throw .sound(error) }
        var scaled = [Int16](repeating: 0, count: SoundFileReader.blockFrames)
        try take.forEachBlockWithoutDC { block, offset in
            let part = Self.overlap(block, offset, range)
            guard !part.isEmpty else { return }
            try scaled.withUnsafeMutableBufferPointer { out in
                for i in 0..<part.count {
                    out[i] = Int16(max(-32768, min(32767, (Double(part[i]) * gain).rounded())))
                }
                let result = UnsafeBufferPointer(rebasing: out[0..<part.count])
                after.process(result)
                try writer.append(result)
            }
        }
        do { try writer.close() } catch { throw .sound(error) }
        let outputLevels = after.levels
        var warnings: [PromptWarning] = []
        if before.clippedSamples > 0 { warnings.append(.clippedTake(samples: before.clippedSamples)) }
        if before.rmsDBFS < quietTakeDBFS { warnings.append(.quietTake(rmsDBFS: before.rmsDBFS)) }
        if limited && outputLevels.rmsDBFS < targetRMSDBFS - shortfallWarningDB {
            warnings.append(.belowTarget(rmsDBFS: outputLevels.rmsDBFS, targetDBFS: targetRMSDBFS))
        }
        var result = LevelledTake(samples: [], leadingTrim: range.lowerBound, trailingTrim: take.count - range.upperBound,
                                  inputLevels: before, gainDB: gainDB, outputLevels: outputLevels, warnings: warnings)
        result.frameCount = range.count
        return result
    }

    /// `AudioEdit.soundRange` over the take without DC: 10 ms frames from the first sample, a
    /// frame has sound when its mean power reaches the trim threshold; widened by the margin.
    private func soundRange(of take: StreamedTake) throws(PromptLibraryError) -> Range<Int> {
        let frame = EngineAudio.sampleRate / 100
        let threshold = Decibels.power(dBFS: trimThresholdDBFS)
        var first: Int?, last: Int?
        var sum = 0.0, inFrame = 0, frameStart = 0
        try take.forEachBlockWithoutDC { block, offset in
            for i in 0..<block.count {
                let v = Double(block[i])
                sum += v * v
                inFrame += 1
                if inFrame == frame || offset + i + 1 == take.count {
                    if sum / Double(inFrame) >= threshold {
                        if first == nil { first = frameStart }
                        last = frameStart + inFrame
                    }
                    frameStart += inFrame
                    sum = 0
                    inFrame = 0
                }
            }
        }
        guard let first, let last else { return 0..<0 }
        let margin = Int((marginSeconds * Double(EngineAudio.sampleRate)).rounded())
        return max(0, first - margin)..<min(take.count, last + margin)
    }

    /// The part of `block` (starting at sample `offset`) inside `range`.
    private static func overlap(_ block: UnsafeBufferPointer<Int16>, _ offset: Int, _ range: Range<Int>) -> UnsafeBufferPointer<Int16> {
        let lo = max(range.lowerBound, offset) - offset, hi = min(range.upperBound, offset + block.count) - offset
        return lo < hi ? UnsafeBufferPointer(rebasing: block[lo..<hi]) : UnsafeBufferPointer(rebasing: block[0..<0])
    }
}
