import Foundation

/// Raw S16_LE files, the kind ALSA's file plugin reads and writes.
enum RawAudio {
    static func write(_ samples: [Int16], to path: String) throws {
        let bytes = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [Int16] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return stride(from: 0, to: data.count - 1, by: 2).map {
            Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8)
        }
    }

    /// A recognisable pattern: sample i holds a value derived from i, never repeating within 65536.
    static func pattern(_ count: Int, offset: Int = 0) -> [Int16] {
        (0..<count).map { Int16(truncatingIfNeeded: ($0 + offset) &* 31 &- 20000) }
    }
}
