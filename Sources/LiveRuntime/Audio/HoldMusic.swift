/// Loops hold music tracks and remembers where it stopped, so music resumes where it was.
struct HoldMusic {
    private let tracks: [[Int16]]
    private var track = 0
    private var offset = 0

    init(tracks: [[Int16]]) { self.tracks = tracks.filter { !$0.isEmpty } }

    /// Copies the next samples into `buffer`, looping over the tracks.
    mutating func fill(_ buffer: UnsafeMutableBufferPointer<Int16>, from start: Int = 0) {
        guard !tracks.isEmpty else { return }
        var index = start
        while index < buffer.count {
            let current = tracks[track]
            let count = min(buffer.count - index, current.count - offset)
            for i in 0..<count { buffer[index + i] = current[offset + i] }
            index += count
            offset += count
            if offset == current.count {
                offset = 0
                track = (track + 1) % tracks.count
            }
        }
    }
}
