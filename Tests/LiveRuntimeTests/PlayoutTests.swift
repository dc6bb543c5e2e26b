import Testing
@testable import LiveRuntime

/// Hold music loops and resumes where it stopped; prompts replace it while they play.
struct PlayoutTests {
    static let period = 160

    func fill(_ playout: inout Playout, at index: Int) -> ([Int16], [Playout.Note]) {
        var buffer = [Int16](repeating: 0, count: Self.period)
        var notes: [Playout.Note] = []
        buffer.withUnsafeMutableBufferPointer { playout.fill($0, at: index, notes: &notes) }
        return (buffer, notes)
    }

    @Test func announcementInterruptsMusicWhichResumesWhereItWas() {
        let track = (0..<1000).map { Int16($0 + 1) }
        var playout = Playout(music: [[track]])
        playout.startMusic(0)
        let (first, _) = fill(&playout, at: 0)
        #expect(first == Array(track[0..<160]))
        playout.stopMusic()
        let serial = playout.play([Playout.Clip(prompt: 3, samples: [Int16](repeating: -5, count: 200))])
        let (a, startNotes) = fill(&playout, at: 160)
        #expect(a.allSatisfy { $0 == -5 })
        #expect(startNotes == [.started(prompt: 3, serial: serial, at: 160)])
        let (b, endNotes) = fill(&playout, at: 320)
        #expect(Array(b[0..<40]).allSatisfy { $0 == -5 })
        #expect(Array(b[40...]).allSatisfy { $0 == 0 })
        #expect(endNotes == [.ended(serial: serial, at: 360)])
        playout.startMusic(0)
        let (resumed, _) = fill(&playout, at: 480)
        #expect(resumed == Array(track[160..<320]))
    }

    @Test func musicLoopsOverItsTracks() {
        var playout = Playout(music: [[[1, 2, 3], [4, 5]]])
        playout.startMusic(0)
        let (buffer, _) = fill(&playout, at: 0)
        #expect(Array(buffer[0..<12]) == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2])
    }

    @Test func stoppedPlayListSendsNoEnd() {
        var playout = Playout(music: [])
        _ = playout.play([Playout.Clip(prompt: 0, samples: [Int16](repeating: 9, count: 500))])
        _ = fill(&playout, at: 0)
        playout.stop()
        let (buffer, notes) = fill(&playout, at: 160)
        #expect(buffer.allSatisfy { $0 == 0 })
        #expect(notes.isEmpty)
    }
}
