import ArgumentParser
import Foundation
import Telephony

/// `ivr bench dtmf`: DTMF receiver speed in audio seconds per CPU second, on one core.
struct BenchDTMF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dtmf",
        abstract: "Measure the DTMF receiver: seconds of audio processed per CPU second (one core).")

    @Option(help: "Seconds of audio to process.")
    var seconds: Double = 600

    @Option(help: "Samples per call to the receiver (160 = 20 ms, as a line delivers them).")
    var chunk: Int = 160

    @Option(help: ArgumentHelp("Write the Q.24 boundary vectors (raw 8 kHz PCM) and vectors.tsv to this folder, then stop.",
                               visibility: .hidden))
    var writeVectors: String?

    @Option(help: ArgumentHelp("Decode a raw 8 kHz 16-bit PCM file and print the keys (- for none).", visibility: .hidden))
    var decodeRaw: String?

    func validate() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        guard chunk > 0 else { throw ValidationError("--chunk must be positive") }
    }

    func run() throws {
        if let writeVectors { return try write(to: writeVectors) }
        if let decodeRaw { return try decode(decodeRaw) }
        let result = DTMFBenchmark.run(seconds: seconds, chunk: chunk)
        print(String(format: "dtmf receiver: %.0f s of audio in %.3f s CPU = %.0f x real time (one core, %d-sample chunks, %d keys per 10 s pass)",
                     result.audioSeconds, result.cpuSeconds, result.speed, chunk, result.keysPerPass))
    }

    private func write(to folder: String) throws {
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // "-" stands for "no key" so every column is non-empty.
        var table = "name\texpected\tours\tsummary\n"
        for vector in DTMFTestVector.boundaryVectors() {
            let data = vector.samples.withUnsafeBufferPointer { Data(buffer: $0) }
            try data.write(to: directory.appendingPathComponent(vector.name + ".raw"))
            let heard = DTMFReceiver.detect(vector.samples).map(\.key).dtmfString
            table += "\(vector.name)\t\(vector.expected.isEmpty ? "-" : vector.expected)\t\(heard.isEmpty ? "-" : heard)\t\(vector.summary)\n"
        }
        try table.write(to: directory.appendingPathComponent("vectors.tsv"), atomically: true, encoding: .utf8)
        let bench = DTMFBenchmark.signal().withUnsafeBufferPointer { Data(buffer: $0) }
        try bench.write(to: directory.appendingPathComponent("bench.raw"))
        print("wrote \(DTMFTestVector.boundaryVectors().count) vectors to \(folder)")
    }

    private func decode(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read the file; check the path")
        }
        let samples = data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        let keys = DTMFReceiver.detect(samples).map(\.key).dtmfString
        print(keys.isEmpty ? "-" : keys)
    }
}
