import Foundation

/// Tables for the receiver's demodulator: for each of the 8 DTMF frequencies (lanes 0-3 low group,
/// 4-7 high group), `cos(ω·m)` and `-sin(ω·m)` for the 40 positions of a sub-block, and the
/// rotation `e^{-jω·40}` that carries one sub-block's result to the next one's phase reference.
///
/// Built once and shared; never mutated after `init`, hence `@unchecked Sendable`.
final class DTMFDemodulator: @unchecked Sendable {
    /// The one shared instance.
    static let shared = DTMFDemodulator()

    /// `cos(ω·m)` per lane, `m` in 0..<subBlockLength.
    let cosine: UnsafeMutablePointer<SIMD8<Float>>
    /// `-sin(ω·m)` per lane.
    let negativeSine: UnsafeMutablePointer<SIMD8<Float>>
    /// Real part of `e^{-jω·subBlockLength}` per lane.
    let stepRe: SIMD8<Float>
    /// Imaginary part of `e^{-jω·subBlockLength}` per lane.
    let stepIm: SIMD8<Float>
    /// Nominal frequency per lane in Hz.
    let frequencies: SIMD8<Float>
    /// Sub-blocks after which every lane's rotation is back at exactly 1 (all frequencies are whole
    /// hertz, so 40·f/8000 = f/200 turns per sub-block repeats every 200 sub-blocks).
    static let rotationPeriod = 200

    /// How one key's two tones leak into each other's bin within a sub-block (see `keyEnergy`).
    struct Leakage {
        /// High minus low frequency, in whole hertz.
        let differenceHz: Int
        /// Real part of Σ_m e^{jΔm} over a sub-block.
        let qRe: Float
        /// Imaginary part of Σ_m e^{jΔm}.
        let qIm: Float
        /// 1 / (M² - |Q|²)², to bring the solved energies back to bin units.
        let scale: Float
    }

    /// Leakage terms per key raw value.
    let leakage: [Leakage]
    /// `cos(2π·t/200)` and `sin(2π·t/200)` for t in 0..<200: the leakage phase after t sub-blocks.
    let turnCosine: [Float]
    /// See `turnCosine`.
    let turnSine: [Float]

    private init() {
        let length = DTMFThresholds.subBlockLength
        let all = DTMFKey.lowFrequencies + DTMFKey.highFrequencies
        let omegas = all.map { 2 * Double.pi * $0 / Double(DTMFReceiver.sampleRate) }
        cosine = .allocate(capacity: length)
        negativeSine = .allocate(capacity: length)
        for m in 0..<length {
            var c = SIMD8<Float>(), s = SIMD8<Float>()
            for lane in 0..<8 {
                c[lane] = Float(cos(omegas[lane] * Double(m)))
                s[lane] = Float(-sin(omegas[lane] * Double(m)))
            }
            cosine[m] = c
            negativeSine[m] = s
        }
        var re = SIMD8<Float>(), im = SIMD8<Float>(), f = SIMD8<Float>()
        for lane in 0..<8 {
            re[lane] = Float(cos(omegas[lane] * Double(length)))
            im[lane] = Float(-sin(omegas[lane] * Double(length)))
            f[lane] = Float(all[lane])
        }
        stepRe = re
        stepIm = im
        frequencies = f
        turnCosine = (0..<Self.rotationPeriod).map { Float(cos(2 * Double.pi * Double($0) / Double(Self.rotationPeriod))) }
        turnSine = (0..<Self.rotationPeriod).map { Float(sin(2 * Double.pi * Double($0) / Double(Self.rotationPeriod))) }
        leakage = DTMFKey.allCases.map { key in
            let difference = Int(key.highFrequency - key.lowFrequency)
            let delta = 2 * Double.pi * Double(difference) / Double(DTMFReceiver.sampleRate)
            var qRe = 0.0, qIm = 0.0
            for m in 0..<length { qRe += cos(delta * Double(m)); qIm += sin(delta * Double(m)) }
            let determinant = Double(length * length) - (qRe * qRe + qIm * qIm)
            return Leakage(differenceHz: difference, qRe: Float(qRe), qIm: Float(qIm),
                           scale: Float(Double(length * length) / (determinant * determinant)))
        }
    }
}
