import Foundation

/// Press tracking: start (with look-back), coverage, confirmation (key-down) and end (key-up).
extension DTMFReceiver {
    /// A press being tracked: a candidate until confirmed.
    struct Press: Sendable {
        /// Key raw value.
        var key: Int
        /// First sub-block where the key was on.
        var firstOn: Int
        /// Latest sub-block where the key was on.
        var lastOn: Int
        /// Sum of each tone's energy (low, high) over the steady sub-blocks whose window named the key.
        var referenceSum: SIMD2<Float>
        /// Number of sub-blocks in `referenceSum`.
        var referenceCount: Int
        /// Mean energy of each tone while steady: what a sub-block full of the tone reads.
        var reference: SIMD2<Float> { referenceSum / Float(max(1, referenceCount)) }

        /// Adds a sub-block's tone energies to the reference unless it is clearly weaker (an edge).
        mutating func learn(_ energies: SIMD2<Float>) {
            if referenceCount > 0, (energies / reference).min() < 0.5 { return }
            referenceSum += energies
            referenceCount += 1
        }
        /// Consecutive sub-blocks without the key.
        var gapRun = 0
        /// Consecutive windows naming another key.
        var conflictRun = 0
        /// Tone duration measured so far, in samples (sum of coverages).
        var coveredSamples: Float
        /// True once key-down was reported.
        var confirmed = false
        /// True once the candidate missed its chance to confirm: it is then ignored until it ends.
        var rejected = false
        /// Estimated first sample of the tone.
        var startSample: Int
    }

    var length: Int { DTMFThresholds.subBlockLength }

    /// Energy of sub-block `index` at the two frequencies of `key`, with each tone's leakage into
    /// the other's bin removed.
    ///
    /// In 5 ms a tone leaks up to -13.6 dB into the other group's bin (941 and 1209 Hz are only
    /// 268 Hz apart), with a phase that turns from one sub-block to the next, so the raw energies
    /// wobble by ±20 %. Modelling the sub-block as two complex tones a·e^{jω_a n} + b·e^{jω_b n},
    /// the two bin values are `Za = a·M + b·u` and `Zb = b·M + a·conj(u)`, where
    /// `u = e^{jΔ·kM}·Σ_m e^{jΔm}` is known exactly (Δ = ω_b - ω_a), so a and b follow from a
    /// 2 × 2 solve.
    func toneEnergies(_ key: Int, at index: Int) -> SIMD2<Float> {
        let tones = solvedTones(key, at: index)
        return SIMD2(tones[0] * tones[0] + tones[1] * tones[1], tones[2] * tones[2] + tones[3] * tones[3])
    }

    /// The key's two tones in sub-block `index` with their mutual leakage solved out (see
    /// `toneEnergies`): (low re, low im, high re, high im), scaled like a bin value (α·M).
    func solvedTones(_ key: Int, at index: Int) -> SIMD4<Float> {
        let slot = index % DTMFThresholds.historyLength
        if Int(historySolvedKey[slot]) == key { return historySolved[slot] }
        return solve(key, slot: slot, index: index)
    }

    /// Stores the solved tones of `key` for sub-blocks `indices`, so later look-ups are free.
    mutating func cacheSolvedTones(_ key: Int, for indices: ClosedRange<Int>) {
        for index in indices where index >= 0 {
            let slot = index % DTMFThresholds.historyLength
            historySolved[slot] = solve(key, slot: slot, index: index)
            historySolvedKey[slot] = Int8(key)
        }
    }

    private func solve(_ key: Int, slot: Int, index: Int) -> SIMD4<Float> {
        let row = key / 4, column = 4 + key % 4
        let re = historyRe[slot], im = historyIm[slot]
        let pair = tables.leakage[key]
        // Δ·k·M in turns is (f_b - f_a)·k/200 exactly, since all frequencies are whole hertz.
        let turn = (pair.differenceHz * index) % DTMFDemodulator.rotationPeriod
        let cosA = tables.turnCosine[turn], sinA = tables.turnSine[turn]
        let uRe = pair.qRe * cosA - pair.qIm * sinA
        let uIm = pair.qRe * sinA + pair.qIm * cosA
        let m = Float(DTMFThresholds.subBlockLength)
        // a·(M² - |u|²) = Za·M - Zb·u ; b·(M² - |u|²) = Zb·M - Za·conj(u)
        let aRe = re[row] * m - (re[column] * uRe - im[column] * uIm)
        let aIm = im[row] * m - (re[column] * uIm + im[column] * uRe)
        let bRe = re[column] * m - (re[row] * uRe + im[row] * uIm)
        let bIm = im[column] * m - (im[row] * uRe - re[row] * uIm)
        return SIMD4(aRe, aIm, bRe, bIm) * pair.scale.squareRoot()
    }

    /// Fraction (0...1) of sub-block `index` filled by `key`'s tones: each tone's amplitude relative
    /// to its `reference`, taking the weaker of the two (both tones of a key start and stop together;
    /// speech harmonics fade one by one).
    func coverage(_ key: Int, at index: Int, reference: SIMD2<Float>, now: Int) -> Float {
        guard index >= 0, now - index < DTMFThresholds.historyLength, reference.min() > 0 else { return 0 }
        let ratio = toneEnergies(key, at: index) / reference
        let value = min(1, ratio.min().squareRoot())
        return value >= DTMFThresholds.coverageFloor ? value : 0
    }

    /// One 5 ms step of the debounce rules (see the truth table on `DTMFReceiver`).
    mutating func trackPress(subBlock index: Int, windowKey: Int) {
        if var current = press {
            if windowKey == current.key {
                current.learn(toneEnergies(current.key, at: index))
                current.conflictRun = 0
            } else if windowKey >= 0 {
                current.conflictRun += 1
            } else {
                current.conflictRun = 0
            }
            let fill = windowKey >= 0 && windowKey != current.key
                ? 0 : coverage(current.key, at: index, reference: current.reference, now: index)
            if fill >= DTMFThresholds.onCoverage {
                current.lastOn = index
                current.gapRun = 0
            } else {
                current.gapRun += 1
            }
            current.coveredSamples += fill * Float(length)
            if !current.confirmed && !current.rejected { confirmIfReady(&current, now: index) }
            if current.gapRun >= DTMFThresholds.gapSubBlocksToEnd
                || current.conflictRun >= DTMFThresholds.conflictWindowsToEnd {
                end(current, now: index)
                press = nil
            } else {
                press = current
            }
        }
        if press == nil, windowKey >= 0 { start(key: windowKey, now: index) }
    }

    /// Starts a candidate for `key`, reaching back over sub-blocks where it already sounded.
    private mutating func start(key: Int, now index: Int) {
        cacheSolvedTones(key, for: max(0, index - DTMFThresholds.historyLength + 1)...index)
        // Learn the steady level from the window's sub-blocks, strongest first so edges are left out.
        var energies = (toneEnergies(key, at: index), toneEnergies(key, at: index - 1), toneEnergies(key, at: index - 2))
        if energies.1.min() > energies.0.min() { swap(&energies.0, &energies.1) }
        if energies.2.min() > energies.1.min() { swap(&energies.1, &energies.2) }
        if energies.1.min() > energies.0.min() { swap(&energies.0, &energies.1) }
        var learner = Press(key: key, firstOn: index, lastOn: index, referenceSum: .zero, referenceCount: 0,
                            coveredSamples: 0, startSample: 0)
        learner.learn(energies.0)
        learner.learn(energies.1)
        learner.learn(energies.2)
        let reference = learner.reference
        var first = index
        while first - 1 > lastEndedOn, index - (first - 2) < DTMFThresholds.historyLength,
              coverage(key, at: first - 1, reference: reference, now: index) >= DTMFThresholds.onCoverage {
            let other = Int(historyWindowKey[(first - 1) % DTMFThresholds.historyLength])
            if other >= 0 && other != key { break }
            first -= 1
        }
        var lastOn = first
        var covered: Float = 0
        for sub in (first - 1)...index {
            let fill = coverage(key, at: sub, reference: reference, now: index)
            covered += fill * Float(length)
            if sub >= first && fill >= DTMFThresholds.onCoverage { lastOn = sub }
        }
        var candidate = learner
        candidate.firstOn = first
        candidate.lastOn = lastOn
        candidate.coveredSamples = covered
        candidate.gapRun = index - lastOn
        candidate.startSample = startEstimate(candidate, now: index)
        confirmIfReady(&candidate, now: index)
        press = candidate
    }

    /// Estimated first sample: the first on sub-block less its unfilled part, less what the tone
    /// filled of the sub-block before it.
    private func startEstimate(_ candidate: Press, now index: Int) -> Int {
        let first = candidate.firstOn
        let fillFirst = coverage(candidate.key, at: first, reference: candidate.reference, now: index)
        let fillBefore = coverage(candidate.key, at: first - 1, reference: candidate.reference, now: index)
        let start = Float(first * length) + (1 - fillFirst) * Float(length) - fillBefore * Float(length)
        return max(0, Int(start.rounded()))
    }

    /// Confirms the candidate (reporting key-down) when long enough and on frequency.
    private mutating func confirmIfReady(_ candidate: inout Press, now index: Int) {
        // Judge a candidate on its beginning only: once its start leaves the look-back, a sliding
        // choice of sub-blocks could pick a lucky stretch of speech.
        if index - candidate.firstOn >= DTMFThresholds.historyLength - 2 {
            candidate.rejected = true
            return
        }
        let minimumSamples = Float(DTMFThresholds.minimumToneDuration * Double(DTMFReceiver.sampleRate))
        guard candidate.coveredSamples >= minimumSamples, measure(candidate, now: index)?.isGenuine == true else {
            return
        }
        candidate.confirmed = true
        if index - (candidate.firstOn - 1) < DTMFThresholds.historyLength {
            candidate.startSample = startEstimate(candidate, now: index)
        }
        pendingEvents.append(.keyDown(DTMFKey(rawValue: candidate.key)!, startSample: candidate.startSample))
    }

    /// Ends the press, reporting key-up if it was confirmed.
    private mutating func end(_ finished: Press, now index: Int) {
        lastEndedOn = finished.lastOn
        guard finished.confirmed else { return }
        let fillLast = coverage(finished.key, at: finished.lastOn, reference: finished.reference, now: index)
        var fillAfter: Float = 0
        if finished.lastOn + 1 <= index {
            let other = Int(historyWindowKey[(finished.lastOn + 1) % DTMFThresholds.historyLength])
            if other < 0 || other == finished.key {
                fillAfter = coverage(finished.key, at: finished.lastOn + 1, reference: finished.reference, now: index)
            }
        }
        let end = Float(finished.lastOn * length) + (fillLast + fillAfter) * Float(length)
        pendingEvents.append(.keyUp(DTMFDetection(key: DTMFKey(rawValue: finished.key)!,
                                                  startSample: finished.startSample,
                                                  endSample: Int(end.rounded()))))
    }
}
