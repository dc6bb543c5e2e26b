import Foundation
import Telephony

/// A take of any length held on disk instead of in memory: the engine-format samples of a
/// source file, written once to a scratch file (raw 16-bit, native order) and read back in
/// blocks as often as levelling needs. Memory is one block, whatever the length.
final class StreamedTake {
    /// The scratch file.
    let path: String
    /// Samples in it.
    private(set) var count = 0
    /// Their mean (for the DC offset).
    private(set) var mean = 0.0
    /// The first sample (the DC blocker starts from it).
    private(set) var first: Int16 = 0

    /// Reads all of `reader` into a new scratch file at `path`.
    init(reading reader: SoundFileReader, into path: String) throws(PromptLibraryError) {
        self.path = path
        guard let file = fopen(path, "wb") else {
            throw .fileOperation(path: path, message: "cannot create a scratch file (\(String(cString: strerror(errno))))")
        }
        defer { fclose(file) }
        var sum = 0.0, count = 0, first: Int16?
        do {
            try reader.forEachBlock { block in
                if first == nil, let s = block.first { first = s }
                for s in block { sum += Double(s) }
                count += block.count
                guard fwrite(block.baseAddress, 2, block.count, file) == block.count else {
                    throw PromptLibraryError.fileOperation(path: path, message: "cannot write the scratch file "
                        + "(\(String(cString: strerror(errno)))); check free disk space")
                }
            }
        } catch let error as PromptLibraryError { throw error } catch let error as SoundFileError {
            throw .sound(error)
        } catch {
            throw .sound(.corrupt(path: reader.info.path, libsndfile: "\(error)"))
        }
        self.count = count
        self.mean = count > 0 ? sum / Double(count) : 0
        self.first = first ?? 0
    }

    /// Removes the scratch file.
    func remove() { unlink(path) }

    /// Hands the take without its DC offset (as `AudioEdit.removeDC`: the mean subtracted, then
    /// the one-pole blocker) to `body`, block by block, with the index of each block's first sample.
    func forEachBlockWithoutDC(_ body: (UnsafeBufferPointer<Int16>, Int) throws -> Void) throws(PromptLibraryError) {
        guard let file = fopen(path, "rb") else {
            throw .fileOperation(path: path, message: "cannot read the scratch file back (\(String(cString: strerror(errno))))")
        }
        defer { fclose(file) }
        var input = [Int16](repeating: 0, count: SoundFileReader.blockFrames)
        var output = input
        var previousIn = Double(first) - mean, previousOut = 0.0
        var offset = 0
        while offset < count {
            let got = input.withUnsafeMutableBufferPointer { fread($0.baseAddress, 2, $0.count, file) }
            guard got > 0 else {
                throw .fileOperation(path: path, message: "the scratch file ended early; check free disk space")
            }
            for i in 0..<got {
                let x = Double(input[i]) - mean
                let y = x - previousIn + 0.999 * previousOut
                previousIn = x
                previousOut = y
                output[i] = Int16(clamping: Int(y.rounded()))
            }
            do {
                try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<got]), offset) }
            } catch let error as PromptLibraryError { throw error } catch let error as SoundFileError {
                throw .sound(error)
            } catch {
                throw .fileOperation(path: path, message: "\(error)")
            }
            offset += got
        }
    }
}
