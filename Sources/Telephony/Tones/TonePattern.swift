import Foundation

/// One sine in a tone: frequency in Hz and level in dBm0.
public struct ToneComponent: Sendable, Equatable {
    /// Frequency in Hz.
    public var frequency: Double
    /// Level in dBm0 (0 dBm0 = sine peak 0.7 of full scale).
    public var levelDBm0: Double

    /// A sine of `frequency` Hz at `levelDBm0`.
    public init(frequency: Double, levelDBm0: Double) {
        self.frequency = frequency
        self.levelDBm0 = levelDBm0
    }
}

/// One step of a cadence: the sines that sound together (none = silence) for a duration.
public struct ToneSegment: Sendable, Equatable {
    /// Sines that sound together; empty means silence.
    public var components: [ToneComponent]
    /// Length in seconds.
    public var duration: Double

    /// A segment of `components` lasting `duration` seconds.
    public init(_ components: [ToneComponent], duration: Double) {
        self.components = components
        self.duration = duration
    }

    /// A silent segment lasting `duration` seconds.
    public static func silence(_ duration: Double) -> ToneSegment { ToneSegment([], duration: duration) }
}

/// A tone with its cadence: segments played in order, once or repeated forever.
public struct TonePattern: Sendable, Equatable {
    /// Segments in playing order.
    public var segments: [ToneSegment]
    /// True to repeat the segments forever (ringback, busy); false to play them once (beep).
    public var repeats: Bool

    /// A pattern from segments.
    public init(segments: [ToneSegment], repeats: Bool) {
        self.segments = segments
        self.repeats = repeats
    }

    /// A single steady tone of `frequencies` (all at `levelDBm0`) for `duration` seconds.
    public static func steady(_ frequencies: [Double], levelDBm0: Double, duration: Double) -> TonePattern {
        TonePattern(segments: [ToneSegment(frequencies.map { ToneComponent(frequency: $0, levelDBm0: levelDBm0) },
                                           duration: duration)], repeats: false)
    }

    /// Length of one pass through the segments, in seconds.
    public var cycleDuration: Double { segments.reduce(0) { $0 + $1.duration } }

    /// Voicemail beep: 1000 Hz at -10 dBm0 for 250 ms (Asterisk's beep is a short 1 kHz tone).
    public static let voicemailBeep = steady([1000], levelDBm0: -10, duration: 0.25)

    /// UK ringback: 400+450 Hz, 0.4 s on, 0.2 s off, 0.4 s on, 2 s off (BT SIN 350).
    public static let ringbackUK = cadence([400, 450], levelDBm0: -19, onOff: [0.4, 0.2, 0.4, 2.0])

    /// US ringback: 440+480 Hz at -19 dBm0 each, 2 s on, 4 s off (ANSI T1.401).
    public static let ringbackUS = cadence([440, 480], levelDBm0: -19, onOff: [2.0, 4.0])

    /// UK busy: 400 Hz, 0.375 s on, 0.375 s off.
    public static let busyUK = cadence([400], levelDBm0: -13, onOff: [0.375, 0.375])

    /// US busy: 480+620 Hz at -24 dBm0 each, 0.5 s on, 0.5 s off.
    public static let busyUS = cadence([480, 620], levelDBm0: -24, onOff: [0.5, 0.5])

    /// A repeating cadence: `onOff` alternates on and off durations in seconds, starting with on.
    public static func cadence(_ frequencies: [Double], levelDBm0: Double, onOff: [Double]) -> TonePattern {
        let components = frequencies.map { ToneComponent(frequency: $0, levelDBm0: levelDBm0) }
        let segments = onOff.enumerated().map { index, duration in
            index.isMultiple(of: 2) ? ToneSegment(components, duration: duration) : .silence(duration)
        }
        return TonePattern(segments: segments, repeats: true)
    }
}
