import Foundation

/// 16-bit mono WAV files for the SIP tests, and locating one sound inside another by correlation.
enum WAVSamples {
    /// The samples of a 16-bit PCM WAV file (first channel), or nil if it is not one.
    static func read(_ path: String) -> [Float]? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 44 else { return nil }
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        var offset = 12
        var channels = 1
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = u32(offset + 4)
            if id == "fmt " { channels = max(1, u16(offset + 10)) }
            if id == "data" {
                let end = min(bytes.count, offset + 8 + size)
                var samples: [Float] = []
                samples.reserveCapacity((end - offset - 8) / 2 / channels)
                var index = offset + 8
                while index + 1 < end {
                    samples.append(Float(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)))
                    index += 2 * channels
                }
                return samples
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }

    /// Every `factor`-th average of `factor` samples (a crude low-pass and decimation).
    static func decimate(_ samples: [Float], by factor: Int) -> [Float] {
        guard factor > 1 else { return samples }
        return stride(from: 0, to: samples.count - factor + 1, by: factor).map { start in
            var sum: Float = 0
            for index in start..<start + factor { sum += samples[index] }
            return sum / Float(factor)
        }
    }

    /// The best normalised cross-correlation of `template` against `signal` over every lag, and that lag.
    static func locate(_ template: [Float], in signal: [Float]) -> (score: Float, lag: Int) {
        guard !template.isEmpty, signal.count >= template.count else { return (0, 0) }
        let n = template.count
        let mean = template.reduce(0, +) / Float(n)
        let t = template.map { $0 - mean }
        let tNorm = sqrt(t.reduce(0) { $0 + $1 * $1 })
        guard tNorm > 0 else { return (0, 0) }
        var best: (Float, Int) = (0, 0)
        t.withUnsafeBufferPointer { tp in
            signal.withUnsafeBufferPointer { sp in
                for lag in 0...(sp.count - n) {
                    var dot: Float = 0, sum: Float = 0, squares: Float = 0
                    for index in 0..<n {
                        let value = sp[lag + index]
                        dot += tp[index] * value
                        sum += value
                        squares += value * value
                    }
                    let variance = squares - sum * sum / Float(n)
                    guard variance > 0 else { continue }
                    let score = dot / (tNorm * sqrt(variance))
                    if score > best.0 { best = (score, lag) }
                }
            }
        }
        return best
    }

    /// A stretch of `samples` from the first sample louder than `threshold`, `count` long.
    static func firstSound(in samples: [Float], count: Int, threshold: Float = 500) -> [Float] {
        let start = samples.firstIndex { abs($0) > threshold } ?? 0
        return Array(samples[start..<min(samples.count, start + count)])
    }

    /// The sample rate of a WAV file (nil if it is not one).
    static func sampleRate(_ path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 44 else { return nil }
        let bytes = [UInt8](data)
        var offset = 12
        while offset + 16 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            if String(decoding: bytes[offset..<offset + 4], as: UTF8.self) == "fmt " {
                return Int(bytes[offset + 12]) | Int(bytes[offset + 13]) << 8 | Int(bytes[offset + 14]) << 16 | Int(bytes[offset + 15]) << 24
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }

    /// How many 100 ms blocks of the file are a tone of `frequencies`: audible (RMS over 100) with
    /// over 70 % of their energy at those frequencies (Goertzel).
    static func toneBlocks(in path: String, frequencies: [Double]) -> Int? {
        guard let samples = read(path), let rate = sampleRate(path), rate > 0 else { return nil }
        let block = rate / 10
        var count = 0
        var start = 0
        while start + block <= samples.count {
            let part = samples[start..<start + block]
            let energy = part.reduce(0.0) { $0 + Double($1) * Double($1) }
            let rms = (energy / Double(block)).squareRoot()
            if rms > 100 {
                var toneEnergy = 0.0
                for frequency in frequencies {
                    let coefficient = 2 * cos(2 * Double.pi * frequency / Double(rate))
                    var s1 = 0.0, s2 = 0.0
                    for sample in part {
                        let s0 = Double(sample) + coefficient * s1 - s2
                        s2 = s1
                        s1 = s0
                    }
                    // |X(f)|^2, scaled to the block's energy (a pure sine of amplitude A has energy N A^2 / 2).
                    toneEnergy += (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * 2 / Double(block)
                }
                if toneEnergy > 0.7 * energy { count += 1 }
            }
            start += block
        }
        return count
    }
}
