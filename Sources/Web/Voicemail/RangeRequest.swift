import Foundation
import Hummingbird

/// Serves a file in full or one byte range (`Range: bytes=START-END`, `bytes=START-`,
/// `bytes=-SUFFIX`), so the browser's audio element can seek. Other range forms get the whole file.
enum RangeRequest {
    /// The answer for a file at `url` (`attachment`: send as a download named so).
    static func serve(_ url: URL, type: String, request: Request, attachment: String? = nil) throws -> Response {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw WebError.notFound("the recording is missing") }
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        var headers: HTTPFields = [.contentType: type, .acceptRanges: "bytes"]
        if let attachment { headers[.contentDisposition] = "attachment; filename=\"\(attachment)\"" }
        guard let range = request.headers[.range].flatMap({ parse($0, size: size) }) else {
            if request.headers[.range] != nil, size > 0, request.headers[.range]?.hasPrefix("bytes=") == true,
               !(request.headers[.range] ?? "").contains(",") {
                headers[.contentRange] = "bytes */\(size)"
                return Response(status: .rangeNotSatisfiable, headers: Reply.secured(headers))
            }
            try handle.seek(toOffset: 0)
            let data = try handle.readToEnd() ?? Data()
            headers[.contentLength] = String(data.count)
            return Response(status: .ok, headers: Reply.secured(headers), body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        try handle.seek(toOffset: UInt64(range.lowerBound))
        let data = try handle.read(upToCount: range.count) ?? Data()
        headers[.contentRange] = "bytes \(range.lowerBound)-\(range.lowerBound + data.count - 1)/\(size)"
        headers[.contentLength] = String(data.count)
        return Response(status: .partialContent, headers: Reply.secured(headers), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The byte range asked for, clamped to the file; nil when unreadable, multiple or unsatisfiable.
    static func parse(_ header: String, size: Int) -> Range<Int>? {
        guard header.hasPrefix("bytes="), !header.contains(","), size > 0 else { return nil }
        let spec = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]), suffix > 0 else { return nil }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(parts[0]), start >= 0, start < size else { return nil }
        let end = parts[1].isEmpty ? size - 1 : min(size - 1, Int(parts[1]) ?? -1)
        guard end >= start else { return nil }
        return start..<(end + 1)
    }
}
