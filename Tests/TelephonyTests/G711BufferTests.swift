import Testing
@testable import Telephony

@Suite struct G711BufferTests {
    @Test(arguments: G711Law.allCases)
    func bufferEncodingMatchesThePerSampleEncoderForEverySample(law: G711Law) {
        let samples = (Int(Int16.min)...Int(Int16.max)).map { Int16($0) }
        var codes = [UInt8](repeating: 0, count: samples.count)
        samples.withUnsafeBufferPointer { input in
            codes.withUnsafeMutableBufferPointer { G711.encode(input, law: law, into: $0.baseAddress!) }
        }
        let expected = samples.map { law == .alaw ? G711.alawEncode($0) : G711.ulawEncode($0) }
        #expect(codes == expected)
    }

    @Test(arguments: G711Law.allCases)
    func bufferDecodingMatchesThePerCodeDecoder(law: G711Law) {
        let codes = (0...255).map { UInt8($0) }
        var samples = [Int16](repeating: 1, count: codes.count)
        codes.withUnsafeBufferPointer { input in
            samples.withUnsafeMutableBufferPointer { G711.decode(input, law: law, into: $0.baseAddress!) }
        }
        #expect(samples == codes.map { law == .alaw ? G711.alawDecode($0) : G711.ulawDecode($0) })
    }
}
