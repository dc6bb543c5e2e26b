import Foundation

/// Reads the length of a PCM WAV file from its header (RIFF `fmt ` and `data` chunks).
///
/// A stop-gap for scripted calls until SoundIO's sound-file reader is available here:
/// only the header is read, never the samples.
enum WAVDuration {
    /// Seconds of audio in the WAV file at `path`, or nil when it is missing or not a WAV.
    static func seconds(ofFileAt path: String) -> Double? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 4096), header.count >= 12 else { return nil }
        let bytes = [UInt8](header)
        guard bytes[0..<4] == Array("RIFF".utf8)[...], bytes[8..<12] == Array("WAVE".utf8)[...] else { return nil }
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        var offset = 12
        var bytesPerSecond = 0
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = u32(offset + 4)
            if id == "fmt ", offset + 16 <= bytes.count { bytesPerSecond = u32(offset + 8 + 8) }
            if id == "data" {
                guard bytesPerSecond > 0 else { return nil }
                let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                let available = max(0, fileSize - (offset + 8))
                let dataSize = size == 0 || size == 0xFFFF_FFFF ? available : min(size, available)
                return Double(dataSize) / Double(bytesPerSecond)
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }
}
