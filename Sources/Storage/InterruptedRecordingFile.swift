import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PCM-16 WAV file left behind by a recorder that died: makes its header count every whole
/// sample on disk (the recorder's header is at most one period behind) and says how long it is.
///
/// Storage reads the RIFF chunks itself (44 bytes of arithmetic) rather than depending on the
/// sound library; anything that is not a PCM-16 WAV is left untouched.
enum InterruptedRecordingFile {
    /// The audio in a recording once its header is brought up to date.
    struct Length: Equatable {
        /// Whole frames of audio.
        var frames: Int
        /// Frames per second, from the header.
        var sampleRate: Int
        /// Seconds.
        var seconds: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }
    }

    /// Brings the header of the file at `url` up to the audio on disk (cutting a half-written
    /// sample) and returns its length; nil if the file is missing or not a PCM-16 WAV.
    static func finalise(_ url: URL) -> Length? {
        let fd = open(url.path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 4096)
        let count = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 12, let layout = parse(Array(header.prefix(count))) else { return nil }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let onDisk = max(0, Int(status.st_size) - layout.dataOffset)
        let frameBytes = 2 * layout.channels
        let whole = onDisk - onDisk % frameBytes
        if whole != layout.dataSize || whole != onDisk {
            if whole != onDisk { _ = ftruncate(fd, off_t(layout.dataOffset + whole)) }
            write32(UInt32(whole), at: layout.dataOffset - 4, fd: fd)
            write32(UInt32(layout.dataOffset + whole - 8), at: 4, fd: fd)
            fsync(fd)
        }
        return Length(frames: whole / frameBytes, sampleRate: layout.sampleRate)
    }

    struct Layout {
        var dataOffset: Int
        var dataSize: Int
        var channels: Int
        var sampleRate: Int
    }

    /// Finds the `fmt ` and `data` chunks of a RIFF/WAVE header; nil unless PCM 16-bit.
    static func parse(_ bytes: [UInt8]) -> Layout? {
        func text(_ at: Int) -> String { String(decoding: bytes[at..<(at + 4)], as: UTF8.self) }
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard text(0) == "RIFF", text(8) == "WAVE" else { return nil }
        var position = 12
        var format: (channels: Int, rate: Int)?
        while position + 8 <= bytes.count {
            let id = text(position), size = u32(position + 4), body = position + 8
            if id == "fmt " {
                guard body + 16 <= bytes.count, u16(body) == 1 || u16(body) == 0xFFFE, u16(body + 14) == 16 else { return nil }
                format = (u16(body + 2), u32(body + 4))
            } else if id == "data" {
                guard let format, format.channels > 0 else { return nil }
                return Layout(dataOffset: body, dataSize: size, channels: format.channels, sampleRate: format.rate)
            }
            position = body + size + (size & 1)
        }
        return nil
    }

    private static func write32(_ value: UInt32, at offset: Int, fd: Int32) {
        var little = value.littleEndian
        _ = withUnsafeBytes(of: &little) { pwrite(fd, $0.baseAddress, 4, off_t(offset)) }
    }
}
