import Foundation

/// Text output for `ivr dtmf decode`: the keys on one line, then optionally one line per key.
public struct DTMFReport: Sendable, Equatable {
    /// The detections, in order.
    public var detections: [DTMFDetection]

    /// A report of `detections`.
    public init(detections: [DTMFDetection]) { self.detections = detections }

    /// The keys heard, e.g. "123#" (empty when none).
    public var keys: String { detections.map(\.key).dtmfString }

    /// One line per key: the key, start and end in seconds (3 decimals), e.g. "1 0.000 0.070".
    public var timestampLines: [String] {
        detections.map { String(format: "%@ %.3f %.3f", $0.key.description, $0.startSeconds, $0.endSeconds) }
    }

    /// The whole text, newline-terminated: the keys line, then timestamp lines if asked for.
    public func text(timestamps: Bool) -> String {
        ([keys] + (timestamps ? timestampLines : [])).joined(separator: "\n") + "\n"
    }
}
