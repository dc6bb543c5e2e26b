/// G.711 over whole buffers, by table lookup: the per-packet path of an RTP stream.
///
/// A-law looks at no bit of a 16-bit sample below the fourth and µ-law at none below the second
/// (G.191 shifts them out first), so a table indexed by `sample >> 4` (4,096 codes) or `sample >> 2`
/// (16,384 codes), filled from the per-sample encoders, gives exactly their codes.
extension G711 {
    /// A-law code of every sample >> 4, offset by 2,048.
    static let alawEncodeTable: [UInt8] = (0..<4096).map { alawEncode(Int16(truncatingIfNeeded: ($0 - 2048) << 4)) }
    /// µ-law code of every sample >> 2, offset by 8,192.
    static let ulawEncodeTable: [UInt8] = (0..<16384).map { ulawEncode(Int16(truncatingIfNeeded: ($0 - 8192) << 2)) }

    /// Encodes `samples` with `law` into `codes` (as many as there are samples).
    public static func encode(_ samples: UnsafeBufferPointer<Int16>, law: G711Law, into codes: UnsafeMutablePointer<UInt8>) {
        switch law {
        case .alaw:
            alawEncodeTable.withUnsafeBufferPointer { table in
                for index in samples.indices { codes[index] = table[Int(samples[index] >> 4) + 2048] }
            }
        case .ulaw:
            ulawEncodeTable.withUnsafeBufferPointer { table in
                for index in samples.indices { codes[index] = table[Int(samples[index] >> 2) + 8192] }
            }
        }
    }

    /// Decodes `codes` with `law` into `samples` (as many as there are codes).
    public static func decode(_ codes: UnsafeBufferPointer<UInt8>, law: G711Law, into samples: UnsafeMutablePointer<Int16>) {
        (law == .alaw ? alawTable : ulawTable).withUnsafeBufferPointer { table in
            for index in codes.indices { samples[index] = table[Int(codes[index])] }
        }
    }
}
