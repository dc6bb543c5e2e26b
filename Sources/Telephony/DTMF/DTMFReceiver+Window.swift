import Foundation

/// Window classification: does the last 15 ms look like one DTMF key?
extension DTMFReceiver {
    /// Thresholds converted once to the units the window works in.
    struct WindowLimits {
        /// Per-tone mean power floor (sample units squared).
        let minimumTonePower: Float
        /// Largest high/low power ratio.
        let maximumReverseTwist: Float
        /// Smallest high/low power ratio.
        let minimumNormalTwist: Float
        /// Strongest/next power ratio within a group.
        let relativePeak: Float
        /// (low + high) / total power floor.
        let toneToTotal: Float
        /// (low + high) / total power floor above which the window starts a press whatever the
        /// runner-ups (still above `nearRelativePeak`).
        let dominantToneToTotal: Float
        /// Strongest/next power ratio within a group for a window that may measure a press.
        let nearRelativePeak: Float
        /// (low + high) / total power floor for a window that may measure a press.
        let nearToneToTotal: Float
        /// Scale from |window sum|² to one tone's mean power: 2 / L².
        let powerScale: Float
        /// Scale from summed energy to mean power: 1 / L.
        let energyScale: Float

        static let standard: WindowLimits = {
            let length = Float(DTMFThresholds.subBlockLength * DTMFThresholds.windowSubBlocks)
            return WindowLimits(
                minimumTonePower: Float(Decibels.sinePower(dBm0: DTMFThresholds.minimumToneLevelDBm0)),
                maximumReverseTwist: Float(Decibels.powerRatio(DTMFThresholds.maximumReverseTwistDB)),
                minimumNormalTwist: Float(Decibels.powerRatio(-DTMFThresholds.maximumNormalTwistDB)),
                relativePeak: Float(Decibels.powerRatio(DTMFThresholds.relativePeakDB)),
                toneToTotal: Float(Decibels.powerRatio(DTMFThresholds.toneToTotalDB)),
                dominantToneToTotal: Float(Decibels.powerRatio(DTMFThresholds.dominantToneToTotalDB)),
                nearRelativePeak: Float(Decibels.powerRatio(DTMFThresholds.measureRelativePeakDB)),
                nearToneToTotal: Float(Decibels.powerRatio(DTMFThresholds.measureToneToTotalDB)),
                powerScale: 2 / (length * length),
                energyScale: 1 / length)
        }()
    }

    /// Complex sum of the window's sub-blocks ending at `subBlock` (all 8 lanes).
    func windowSum(endingAt subBlock: Int) -> (re: SIMD8<Float>, im: SIMD8<Float>) {
        var re = SIMD8<Float>(), im = SIMD8<Float>()
        for index in (subBlock - DTMFThresholds.windowSubBlocks + 1)...subBlock {
            let slot = index % DTMFThresholds.historyLength
            re += historyRe[slot]
            im += historyIm[slot]
        }
        return (re, im)
    }

    /// The key (raw value) the window ending at `subBlock` shows, or -1: `strict` by the limits
    /// that start a press, `near` by the looser ones that let a window measure a press.
    func classifyWindow(endingAt subBlock: Int) -> (strict: Int, near: Int) {
        let limits = WindowLimits.standard
        var energy: Float = 0
        for index in (subBlock - DTMFThresholds.windowSubBlocks + 1)...subBlock {
            energy += historyEnergy[index % DTMFThresholds.historyLength]
        }
        let total = energy * limits.energyScale
        if total < 2 * limits.minimumTonePower { return (-1, -1) }  // quiet: nothing to look at

        let (re, im) = windowSum(endingAt: subBlock)
        let power = (re * re + im * im) * limits.powerScale
        let (row, rowPower, rowNext) = strongest(power, lanes: 0..<4)
        let (column, columnPower, columnNext) = strongest(power, lanes: 4..<8)

        guard rowPower >= limits.minimumTonePower, columnPower >= limits.minimumTonePower else { return (-1, -1) }
        let twist = columnPower / rowPower
        guard twist <= limits.maximumReverseTwist, twist >= limits.minimumNormalTwist else { return (-1, -1) }
        let key = row * 4 + (column - 4)
        let toneShare = rowPower + columnPower
        guard rowPower >= limits.nearRelativePeak * rowNext, columnPower >= limits.nearRelativePeak * columnNext,
              toneShare >= limits.nearToneToTotal * total else { return (-1, -1) }
        // A press starts where each tone stands clear of its group and the pair holds most of the
        // power, or where the pair holds nearly all of it: then a runner-up in the group can be no
        // more than a weaker sound beside the key (a speech harmonic between two rows).
        if toneShare >= limits.dominantToneToTotal * total { return (key, key) }
        guard rowPower >= limits.relativePeak * rowNext, columnPower >= limits.relativePeak * columnNext,
              toneShare >= limits.toneToTotal * total else { return (-1, key) }
        return (key, key)
    }

    /// Strongest lane in `lanes` (four lanes from `lanes.lowerBound`), its power, and the runner-up's.
    private func strongest(_ power: SIMD8<Float>, lanes: Range<Int>) -> (Int, Float, Float) {
        let base = lanes.lowerBound
        var best = base, bestPower = power[base], next: Float = 0
        for lane in (base + 1)..<(base + 4) {
            let value = power[lane]
            if value > bestPower {
                next = bestPower
                best = lane
                bestPower = value
            } else if value > next {
                next = value
            }
        }
        return (best, bestPower, next)
    }
}
