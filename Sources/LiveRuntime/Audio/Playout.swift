/// The playback side of a line: what goes out in each period, and when it ends.
///
/// Holds the clips of the current `play` (prompts, or the beep before a recording) and the hold
/// music. Clips take precedence; music fills the periods when no clip plays and music is on.
/// Positions are playback indices: frames handed to the sink since the line started.
struct Playout {
    /// One sound in a play list.
    struct Clip {
        /// The prompt's index in the flow (-1 for a sound of the line's own, such as the beep).
        var prompt: Int
        var samples: [Int16]
    }

    /// Something the driver wants to know about what was just written.
    enum Note: Equatable {
        /// A clip of the play list with this serial began at this playback index.
        case started(prompt: Int, serial: Int, at: Int)
        /// The play list with this serial ended at this playback index (not sent for a stopped list).
        case ended(serial: Int, at: Int)
    }

    private var clips: [Clip] = []
    private var clipIndex = 0
    private var offset = 0
    private(set) var serial = 0
    private var music: [HoldMusic]
    private var currentMusic: Int?

    init(music: [[[Int16]]]) { self.music = music.map(HoldMusic.init(tracks:)) }

    /// True while clips remain to be written.
    var isPlaying: Bool { clipIndex < clips.count }

    /// Starts a new play list (replacing one in progress) and returns its serial.
    mutating func play(_ clips: [Clip]) -> Int {
        self.clips = clips
        clipIndex = 0
        offset = 0
        serial += 1
        return serial
    }

    /// Stops the play list now: the next period is silence (or music).
    mutating func stop() {
        clips = []
        clipIndex = 0
        offset = 0
        serial += 1
    }

    /// Starts or resumes music `index` where it last stopped.
    mutating func startMusic(_ index: Int) {
        if index >= 0 && index < music.count { currentMusic = index }
    }

    /// Pauses the music, keeping its position.
    mutating func stopMusic() { currentMusic = nil }

    /// Writes the next period into `buffer` (already silent) at playback index `at`.
    mutating func fill(_ buffer: UnsafeMutableBufferPointer<Int16>, at start: Int, notes: inout [Note]) {
        var index = 0
        if clipIndex < clips.count {
            while index < buffer.count && clipIndex < clips.count {
                let clip = clips[clipIndex]
                if offset == 0 { notes.append(.started(prompt: clip.prompt, serial: serial, at: start + index)) }
                let count = min(buffer.count - index, clip.samples.count - offset)
                for i in 0..<count { buffer[index + i] = clip.samples[offset + i] }
                index += count
                offset += count
                if offset >= clip.samples.count {
                    clipIndex += 1
                    offset = 0
                    if clipIndex == clips.count { notes.append(.ended(serial: serial, at: start + index)) }
                }
            }
            if clipIndex >= clips.count { clips = []; clipIndex = 0 }
            return
        }
        if let currentMusic { music[currentMusic].fill(buffer, from: index) }
    }
}
