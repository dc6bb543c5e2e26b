import Foundation

/// Level conventions shared by every type in this module.
///
/// - **dBFS** (RMS or peak) is relative to full scale, 32768: a full-scale square wave is 0 dBFS
///   RMS, a full-scale sine is -3.01 dBFS RMS and 0 dBFS peak.
/// - **dBm0**: 0 dBm0 is a sine whose peak is 0.7 of full scale (0.7 × 32767), the convention
///   spandsp uses. A 0 dBm0 sine is therefore -6.10 dBFS RMS.
public enum Decibels {
    /// Full scale for 16-bit PCM, the dBFS reference.
    public static let fullScale: Double = 32768
    /// Peak amplitude of a 0 dBm0 sine, in sample units.
    public static let zeroDBm0Peak: Double = 0.7 * 32767

    /// Converts a power ratio to decibels (`10·log10`); zero gives `-infinity`.
    @inlinable
    public static func fromPowerRatio(_ ratio: Double) -> Double { 10 * log10(ratio) }

    /// Converts an amplitude ratio to decibels (`20·log10`); zero gives `-infinity`.
    @inlinable
    public static func fromAmplitudeRatio(_ ratio: Double) -> Double { 20 * log10(ratio) }

    /// Converts decibels to an amplitude ratio.
    @inlinable
    public static func amplitudeRatio(_ decibels: Double) -> Double { pow(10, decibels / 20) }

    /// Converts decibels to a power ratio.
    @inlinable
    public static func powerRatio(_ decibels: Double) -> Double { pow(10, decibels / 10) }

    /// Peak amplitude (sample units) of a sine at `dBm0`.
    @inlinable
    public static func sinePeak(dBm0: Double) -> Double { zeroDBm0Peak * amplitudeRatio(dBm0) }

    /// Mean power (sample units squared) of a sine at `dBm0`.
    @inlinable
    public static func sinePower(dBm0: Double) -> Double {
        let peak = sinePeak(dBm0: dBm0)
        return peak * peak / 2
    }

    /// Level in dBm0 of a signal whose mean power (sample units squared) is `power`.
    @inlinable
    public static func dBm0(power: Double) -> Double {
        fromPowerRatio(power / sinePower(dBm0: 0))
    }

    /// RMS level in dBFS of a signal whose mean power (sample units squared) is `power`.
    @inlinable
    public static func dBFS(power: Double) -> Double {
        fromPowerRatio(power / (fullScale * fullScale))
    }

    /// Mean power (sample units squared) of a signal whose RMS level is `dBFS`.
    @inlinable
    public static func power(dBFS: Double) -> Double {
        fullScale * fullScale * powerRatio(dBFS)
    }
}
