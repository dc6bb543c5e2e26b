import Foundation

/// A fresh directory under the system temp folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init(_ label: String = "soundio") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Test signals.
enum Signals {
    /// A sine of `frequency` Hz at `amplitude` (full scale 1.0) lasting `seconds` at `rate`.
    static func sine(_ frequency: Double, amplitude: Double = 0.5, seconds: Double, rate: Int) -> [Float] {
        let count = Int(seconds * Double(rate))
        return (0..<count).map { Float(amplitude * sin(2 * .pi * frequency * Double($0) / Double(rate))) }
    }

    /// Interleaves two channels.
    static func interleave(_ left: [Float], _ right: [Float]) -> [Float] {
        zip(left, right).flatMap { [$0, $1] }
    }

    /// RMS of samples in dBFS (full-scale square = 0 dBFS).
    static func rmsDBFS(_ samples: [Float]) -> Double {
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return 20 * log10((sum / Double(max(1, samples.count))).squareRoot())
    }

    /// Number of upward zero crossings, a cheap frequency estimate.
    static func upwardCrossings(_ samples: [Float]) -> Int {
        zip(samples, samples.dropFirst()).filter { $0 < 0 && $1 >= 0 }.count
    }
}
