import CSampleRate

/// Band-limited sample-rate conversion of a stream, block by block, through libsamplerate's
/// streaming API (`src_new`, `src_process`, `end_of_input` on the last block).
///
/// Memory is the converter's state and one output buffer, whatever the length of the stream;
/// the samples produced are those `Resampler.convert` gives for the whole input at once.
public final class StreamingResampler {
    private let state: OpaquePointer
    /// Output rate / input rate.
    public let ratio: Double
    private var output: [Float] = []
    /// Stands in for an empty last block: libsamplerate wants a valid input pointer.
    private let silence: UnsafeMutablePointer<Float> = {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    /// A converter from `sourceRate` to `targetRate` (mono).
    public init(from sourceRate: Int, to targetRate: Int, quality: Resampler.Quality) throws(Resampler.Failure) {
        var error: Int32 = 0
        guard let state = src_new(quality.converter, 1, &error) else {
            throw Resampler.Failure(message: String(cString: src_strerror(error)))
        }
        self.state = state
        ratio = Double(targetRate) / Double(sourceRate)
    }

    deinit {
        src_delete(state)
        silence.deallocate()
    }

    /// Converts `input` (mono floats, -1...1) and hands the samples produced to `body`; with
    /// `last` set, also flushes what the converter still holds. Input is consumed whole.
    public func process(_ input: UnsafeBufferPointer<Float>, last: Bool,
                        _ body: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        if input.isEmpty {
            guard last else { return }
            return try run(UnsafeBufferPointer(start: silence, count: 0), base: silence, last: true, body)
        }
        try run(input, base: input.baseAddress!, last: last, body)
    }

    private func run(_ input: UnsafeBufferPointer<Float>, base: UnsafePointer<Float>, last: Bool,
                     _ body: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        let room = Int((Double(input.count) * ratio).rounded(.up)) + 256
        if output.count < room { output = [Float](repeating: 0, count: room) }
        var consumed = 0
        while true {
            var data = SRC_DATA()
            var produced = 0
            var used = 0
            let status: Int32 = output.withUnsafeMutableBufferPointer { out in
                data.data_in = base + consumed
                data.input_frames = input.count - consumed
                data.data_out = out.baseAddress
                data.output_frames = out.count
                data.src_ratio = ratio
                data.end_of_input = last ? 1 : 0
                let status = src_process(state, &data)
                produced = data.output_frames_gen
                used = data.input_frames_used
                return status
            }
            guard status == 0 else { throw Resampler.Failure(message: String(cString: src_strerror(status))) }
            consumed += used
            if produced > 0 { try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<produced])) } }
            // Done when the input is used up and, at the end, the converter has nothing left.
            if consumed >= input.count && (!last || produced == 0) { break }
        }
    }
}
