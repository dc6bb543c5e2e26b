import Foundation

/// Confirmation: is a long-enough candidate really a DTMF key?
extension DTMFReceiver {
    /// What the receiver measured over the steady part of a candidate press.
    struct ToneMeasurement: Sendable {
        /// Key raw value.
        var key: Int
        /// Window pairs used (both windows showed the key by the measuring limits, all sub-blocks steady).
        var pairs: Int
        /// Low tone's offset from nominal, in Hz.
        var lowOffsetHz: Double
        /// High tone's offset from nominal, in Hz.
        var highOffsetHz: Double
        /// Each window pair's estimate of the low tone's offset from nominal, in Hz (lanes `0..<pairs`).
        var pairLowOffsetsHz = SIMD16<Float>()
        /// Each window pair's estimate of the high tone's offset from nominal, in Hz (lanes `0..<pairs`).
        var pairHighOffsetsHz = SIMD16<Float>()
        /// Share of the steady windows' power held by the two tones (15 ms bins, loss for the
        /// measured frequency offset corrected).
        var windowToneFraction: Double
        /// Share of the steady sub-blocks' power held by the two tones (leakage solved).
        var toneFraction: Double

        /// True when the measurement meets the confirmation thresholds (see `DTMFThresholds`,
        /// `preciseFrequencyTolerance`): the closer both tones are to nominal, the smaller the share
        /// of the power they need to hold.
        var isGenuine: Bool {
            let nominal = DTMFKey(rawValue: key)!
            let ratio = (nominal.highFrequency + highOffsetHz) / (nominal.lowFrequency + lowOffsetHz)
            let ratioError = abs(ratio / (nominal.highFrequency / nominal.lowFrequency) - 1)
            let offset = max(abs(lowOffsetHz) / nominal.lowFrequency, abs(highOffsetHz) / nominal.highFrequency)
            guard pairs >= 1, ratioError <= DTMFThresholds.maximumRatioError,
                  offset <= DTMFThresholds.frequencyTolerance else { return false }
            let share = min(toneFraction, windowToneFraction)
            func holds(_ decibels: Double) -> Bool { share >= Decibels.powerRatio(decibels) }
            let wander = wanderHz.max()
            if pairs == 1 {
                // One pair cannot show wander; it must hold nearly all the power (a clean 40 ms key).
                // Off nominal, it must hold as much as the off-frequency tier asks.
                return holds(DTMFThresholds.preciseOnePairToneToTotalDB)
                    && (offset <= DTMFThresholds.preciseFrequencyTolerance
                        || holds(DTMFThresholds.offFrequencyToneToTotalDB))
            }
            if offset <= DTMFThresholds.preciseFrequencyTolerance {
                // More pairs are more evidence: what one pair passes (nearly all the power), more
                // pairs pass too.
                if holds(DTMFThresholds.preciseOnePairToneToTotalDB)
                    || Self.preciseTier(pairs: pairs, wanderHz: wander, holds: holds) { return true }
                // And one pair far from the others (an edge, a burst of speech) cannot veto what the
                // rest agree on (`robustWanderHz`). Setting a pair aside is weaker evidence, so the
                // tones must then hold as much of the power as the two-pair row asks.
                if pairs >= 3, robustWanderHz.max() <= DTMFThresholds.preciseWanderHz,
                   holds(DTMFThresholds.preciseTwoPairToneToTotalDB) { return true }
                // Speech under a key beats with a tone: its frequency swings by the interferer's
                // amplitude times the beat rate (the wander in Hz), but its phase stays within the
                // interferer's amplitude of a constant frequency; a voice gliding through a DTMF
                // frequency drifts away from one.
                if pairs >= 3, phaseResidualRadians.max() <= DTMFThresholds.precisePhaseResidualRadians,
                   holds(DTMFThresholds.preciseToneToTotalDB) { return true }
            }
            guard pairs >= DTMFThresholds.minimumFrequencyPairs, wander <= DTMFThresholds.maximumFrequencyWanderHz else {
                return false
            }
            if offset <= DTMFThresholds.nearFrequencyTolerance, holds(DTMFThresholds.nearToneToTotalDB) { return true }
            if holds(DTMFThresholds.offFrequencyToneToTotalDB) { return true }
            // A clean key off nominal: the former shares, but only as steady as a generator.
            if wander <= DTMFThresholds.cleanWanderHz
                && toneFraction >= Decibels.powerRatio(DTMFThresholds.cleanToneToTotalDB)
                && windowToneFraction >= Decibels.powerRatio(DTMFThresholds.cleanWindowToneToTotalDB) {
                return true
            }
            // A generator 1.5 % off nominal: its tones wander a little more (the leakage solve
            // assumes nominal frequencies), but it keeps nearly all the power.
            return wander <= DTMFThresholds.offNominalWanderHz
                && (toneFraction + windowToneFraction) / 2 >= Decibels.powerRatio(DTMFThresholds.offNominalToneToTotalDB)
        }

        /// The closest tier (both tones within `preciseFrequencyTolerance`) for 2 or more window
        /// pairs wandering `wanderHz`: two may wander more than three or more, but must hold more of
        /// the power (docs/DSP.md, the confirmation table).
        static func preciseTier(pairs: Int, wanderHz: Double, holds: (Double) -> Bool) -> Bool {
            pairs == 2
                ? wanderHz <= DTMFThresholds.preciseTwoPairWanderHz && holds(DTMFThresholds.preciseTwoPairToneToTotalDB)
                : wanderHz <= DTMFThresholds.preciseWanderHz && holds(DTMFThresholds.preciseToneToTotalDB)
        }

        /// Largest distance of one pair's frequency estimate from the mean (the coherent estimate
        /// `lowOffsetHz`, `highOffsetHz`), per tone, in Hz.
        var wanderHz: SIMD2<Double> {
            var wander = SIMD2<Double>.zero
            for pair in 0..<pairs {
                wander[0] = max(wander[0], abs(Double(pairLowOffsetsHz[pair]) - lowOffsetHz))
                wander[1] = max(wander[1], abs(Double(pairHighOffsetsHz[pair]) - highOffsetHz))
            }
            return wander
        }

        /// The wander that one pair alone cannot make: per tone, the second-largest distance of a
        /// pair's estimate from the pairs' median, in Hz (for 2 pairs, their distance from their
        /// mean, as `wanderHz`). A single outlier (the first pair at a press's edge, one window hit
        /// by speech) is set aside; a voice gliding through a DTMF frequency moves every pair, so
        /// it reads as much as the plain wander (for a steady glide, exactly as much).
        var robustWanderHz: SIMD2<Double> {
            guard pairs >= 3 else { return wanderHz }
            return SIMD2(Self.secondLargestDeviationFromMedian(pairLowOffsetsHz, count: pairs),
                         Self.secondLargestDeviationFromMedian(pairHighOffsetsHz, count: pairs))
        }

        /// Per tone, the largest distance in radians of the tone's phase from the best constant
        /// frequency: the phase after each window pair (the sum of the pairs' advances so far, from
        /// 0) against its least-squares straight line over the pairs.
        var phaseResidualRadians: SIMD2<Double> {
            SIMD2(Self.phaseResidual(pairLowOffsetsHz, count: pairs), Self.phaseResidual(pairHighOffsetsHz, count: pairs))
        }

        /// Largest distance of the running phase (0, then after each of the first `count` lanes'
        /// advances, given as offsets in Hz over one 5 ms hop) from its least-squares line; no allocation.
        static func phaseResidual(_ offsetsHz: SIMD16<Float>, count: Int) -> Double {
            guard count >= 2 else { return 0 }
            let radiansPerHz = 2 * Double.pi * Double(DTMFThresholds.subBlockLength) / Double(DTMFReceiver.sampleRate)
            let points = Double(count + 1)
            var phase = 0.0, sumK = 0.0, sumKK = 0.0, sumPhase = 0.0, sumKPhase = 0.0
            for k in 0...count {
                if k > 0 { phase += Double(offsetsHz[k - 1]) * radiansPerHz }
                sumK += Double(k)
                sumKK += Double(k * k)
                sumPhase += phase
                sumKPhase += Double(k) * phase
            }
            let slope = (points * sumKPhase - sumK * sumPhase) / (points * sumKK - sumK * sumK)
            let intercept = (sumPhase - slope * sumK) / points
            phase = 0
            var largest = abs(intercept)
            for k in 1...count {
                phase += Double(offsetsHz[k - 1]) * radiansPerHz
                largest = max(largest, abs(phase - (intercept + slope * Double(k))))
            }
            return largest
        }

        /// Second-largest |x - median| of the first `count` lanes (count ≥ 2); no allocation.
        static func secondLargestDeviationFromMedian(_ values: SIMD16<Float>, count: Int) -> Double {
            var sorted = values
            for i in 1..<count {  // insertion sort of at most 16 lanes
                let x = sorted[i]
                var j = i - 1
                while j >= 0 && sorted[j] > x { sorted[j + 1] = sorted[j]; j -= 1 }
                sorted[j + 1] = x
            }
            let median = (Double(sorted[(count - 1) / 2]) + Double(sorted[count / 2])) / 2
            var largest = 0.0, second = 0.0
            for i in 0..<count {
                let distance = abs(Double(sorted[i]) - median)
                if distance > largest { (largest, second) = (distance, largest) } else if distance > second { second = distance }
            }
            return second
        }
    }

    /// True when sub-block `index` can measure the candidate's frequencies: it reaches `fullCoverage`
    /// and borders no edge, where a partly filled sub-block biases the phase: each neighbour is on
    /// (`onCoverage`) or lies inside the press (from its first to its latest on sub-block). A
    /// neighbour that dips inside the press (music or speech cancelling one tone for 5 ms) is not
    /// an edge: a key's tones start and stop together.
    func isSteady(_ candidate: Press, at index: Int, now: Int) -> Bool {
        guard index + 1 <= now,
              coverage(candidate.key, at: index, reference: candidate.reference, now: now) >= DTMFThresholds.fullCoverage
        else { return false }
        func bordersTone(_ neighbour: Int) -> Bool {
            (candidate.firstOn...candidate.lastOn).contains(neighbour)
                || coverage(candidate.key, at: neighbour, reference: candidate.reference, now: now) >= DTMFThresholds.onCoverage
        }
        return bordersTone(index - 1) && bordersTone(index + 1)
    }

    /// Measures both tones' frequencies (phase advance between windows 5 ms apart) and their share
    /// of the power, over the steady part of the candidate seen so far; nil if there is none yet.
    ///
    /// Uses only window pairs whose four sub-blocks are all steady (`isSteady`) and whose windows both
    /// show the key by the measuring limits (`measureRelativePeakDB`, `measureToneToTotalDB`), so
    /// edges (which bias the phase) and other sounds are left out.
    func measure(_ candidate: Press, now index: Int) -> ToneMeasurement? {
        let key = candidate.key
        let oldest = max(candidate.firstOn + DTMFThresholds.windowSubBlocks,
                         index - DTMFThresholds.historyLength + DTMFThresholds.windowSubBlocks + 2)
        guard oldest <= index else { return nil }
        var pairs = 0
        var rowRe: Float = 0, rowIm: Float = 0, columnRe: Float = 0, columnIm: Float = 0
        var steady: UInt32 = 0  // bit i: sub-block index - i is steady and in a used pair
        var lowAngles = SIMD16<Float>(), highAngles = SIMD16<Float>()
        var windowTone = SIMD2<Float>(), windowTotal: Float = 0
        for newer in oldest...index {
            let span = (newer - DTMFThresholds.windowSubBlocks)...newer
            guard span.allSatisfy({ isSteady(candidate, at: $0, now: index) }),
                  Int(historyWindowNear[newer % DTMFThresholds.historyLength]) == key,
                  Int(historyWindowNear[(newer - 1) % DTMFThresholds.historyLength]) == key else { continue }
            // Windows of leakage-solved tones: (low re, low im, high re, high im).
            let a = solvedTones(key, at: newer) + solvedTones(key, at: newer - 1) + solvedTones(key, at: newer - 2)
            let b = solvedTones(key, at: newer - 1) + solvedTones(key, at: newer - 2) + solvedTones(key, at: newer - 3)
            // a · conj(b) for each tone.
            let lowRe = a[0] * b[0] + a[1] * b[1], lowIm = a[1] * b[0] - a[0] * b[1]
            let highRe = a[2] * b[2] + a[3] * b[3], highIm = a[3] * b[2] - a[2] * b[3]
            rowRe += lowRe
            rowIm += lowIm
            columnRe += highRe
            columnIm += highIm
            pairs += 1
            for sub in span { steady |= 1 << UInt32(index - sub) }
            windowTone += SIMD2(a[0] * a[0] + a[1] * a[1], a[2] * a[2] + a[3] * a[3])
            windowTotal += (newer - 2...newer).reduce(Float(0)) { $0 + historyEnergy[$1 % DTMFThresholds.historyLength] }
            lowAngles[pairs - 1] = atan2(lowIm, lowRe)
            highAngles[pairs - 1] = atan2(highIm, highRe)
        }
        guard pairs > 0 else { return nil }
        // Tone share: per sub-block, tone energy is 2·(|a|² + |b|²)·M over M samples.
        var toneEnergy: Float = 0, totalEnergy: Float = 0
        for back in 0..<DTMFThresholds.historyLength where steady & (1 << UInt32(back)) != 0 {
            let sub = index - back
            toneEnergy += 2 * toneEnergies(key, at: sub).sum() / Float(length)
            totalEnergy += historyEnergy[sub % DTMFThresholds.historyLength]
        }
        let hertzPerRadian = Double(DTMFReceiver.sampleRate) / (2 * Double.pi * Double(length))
        let lowOffset = Double(atan2(rowIm, rowRe)) * hertzPerRadian
        let highOffset = Double(atan2(columnIm, columnRe)) * hertzPerRadian
        // Tone share over the 15 ms windows (narrow bins: neighbouring harmonics stay out), with
        // each tone's window loss for its measured frequency offset put back.
        let windowLength = Double(length * DTMFThresholds.windowSubBlocks)
        func windowGain(_ offsetHz: Double) -> Double {
            let x = Double.pi * offsetHz / Double(DTMFReceiver.sampleRate)
            guard abs(x) > 1e-9 else { return 1 }
            let ratio = sin(x * windowLength) / (windowLength * sin(x))
            return max(ratio * ratio, 0.1)
        }
        let tonePower = 2 * (Double(windowTone[0]) / windowGain(lowOffset) + Double(windowTone[1]) / windowGain(highOffset))
            / (windowLength * windowLength)
        let totalPower = Double(windowTotal) / windowLength
        return ToneMeasurement(key: key, pairs: pairs, lowOffsetHz: lowOffset, highOffsetHz: highOffset,
                               pairLowOffsetsHz: lowAngles * Float(hertzPerRadian),
                               pairHighOffsetsHz: highAngles * Float(hertzPerRadian),
                               windowToneFraction: totalPower > 0 ? tonePower / totalPower : 0,
                               toneFraction: totalEnergy > 0 ? Double(toneEnergy / totalEnergy) : 0)
    }
}
