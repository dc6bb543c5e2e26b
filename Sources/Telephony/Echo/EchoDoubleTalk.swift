import Foundation

/// Double-talk detection for `EchoCanceller`: says when the capture holds more than the echo (the
/// caller speaking or keying), so the background filter stops adapting.
///
/// Two detectors, either of which holds adaptation off for 30 ms:
/// - *Geigel* (G.168's classic): the capture's magnitude reaches a threshold × the largest played
///   magnitude within the tail. A fixed threshold of 0.5 assumes the echo is at least 6 dB below
///   what was played; on a line with a louder echo it fires on the echo itself and stops the
///   filter from ever converging. So the threshold rises to 1.5 × the echo path's measured peak
///   gain (the foreground's echo estimate against the played peak, in blocks without double talk
///   where the foreground already removes ≥ 6 dB), never below the configured one.
/// - *Residual*: once the foreground has converged, its residual is a steady fraction of its echo
///   estimate; a residual 12 dB above that fraction (over the last ~4 ms) is something the echo
///   path did not make. This catches a caller's key 20-30 dB below a loud echo, where Geigel
///   cannot. The fraction relaxes by about 2 dB a second while double talk lasts, so a changed
///   echo path (which looks the same) is eventually re-learnt (only blocks with something played count); slowly, so that a caller talking
///   for seconds does not blunt the detector.
/// Neither the fraction nor the gain is learnt from a block with double talk or the block after it.
struct EchoDoubleTalk: Sendable {
    private var geigel: GeigelDetector
    private let baseThreshold: Float
    /// Peak echo estimate / peak played, from converged blocks (0 until known).
    private(set) var echoGain: Float = 0
    /// Long-term foreground residual power / echo estimate power in blocks without double talk.
    private(set) var residualRatio: Float = 1
    private var shortResidual: Float = 0
    private var shortEcho: Float = 0
    private var blockEchoPeak: Float = 0
    private var blockBackgroundPeak: Float = 0
    private var blockFarPeak: Float = 0
    private var blockHadDoubleTalk = false
    /// Consecutive 10 ms blocks without double talk, this one included (after `endBlock`).
    private(set) var quietBlocks = 0
    /// Samples of hangover left.
    private(set) var hold = 0

    init(taps: Int, threshold: Float) {
        geigel = GeigelDetector(taps: taps)
        baseThreshold = threshold
    }

    /// The Geigel threshold in use now.
    var threshold: Float { max(baseThreshold, 1.5 * echoGain, converged ? 0 : Self.initial) }
    /// The threshold until the first convergence: the echo path is not known yet, so only a
    /// capture louder than anything played (an echo return loss below 0 dB) counts as double talk.
    static let initial: Float = 1
    /// Per block of double talk, the residual fraction grows by this (about 2 dB a second).
    static let relax: Float = 1.005
    /// Whether the foreground has once removed 10 dB of the echo.
    private(set) var converged = false

    /// One sample: played, captured, the foreground's echo estimate and residual. True while
    /// adaptation must pause (double talk or its hangover).
    mutating func update(far: Float, near: Float, echoEstimate: Float, residual: Float, backgroundEstimate: Float) -> Bool {
        blockBackgroundPeak = max(blockBackgroundPeak, abs(backgroundEstimate))
        let farPeak = geigel.push(abs(far))
        shortResidual += (residual * residual - shortResidual) * (1 / 32)
        shortEcho += (echoEstimate * echoEstimate - shortEcho) * (1 / 32)
        blockEchoPeak = max(blockEchoPeak, abs(echoEstimate))
        blockFarPeak = max(blockFarPeak, farPeak)
        let geigelFires = abs(near) >= threshold * farPeak && abs(near) > 64
        let residualFires = residualRatio < 0.1 && shortResidual > 16 * residualRatio * shortEcho + 1e4
        if geigelFires || residualFires {
            hold = 240
        }
        if hold > 0 {
            hold -= 1
            blockHadDoubleTalk = true
            return true
        }
        return false
    }

    /// Every 10 ms block: learn the echo gain and residual fraction from a block without double
    /// talk (`near`, `residual`, `echo`: the block's capture, foreground residual and echo estimate
    /// powers); relax the fraction in one with double talk.
    mutating func endBlock(near: Float, residual: Float, echo: Float, backgroundResidual: Float) {
        quietBlocks = blockHadDoubleTalk ? 0 : quietBlocks + 1
        if blockHadDoubleTalk {
            // Relax only while something is played: a caller talking into silence (voicemail) says
            // nothing about the echo path.
            if blockFarPeak > 64 { residualRatio = min(1, residualRatio * Self.relax) }
        } else if quietBlocks < 2 {
            // The block right after double talk may still hold its tail.
        } else if echo > 0 && residual < 0.25 * near && blockFarPeak > 64 {
            echoGain = max(echoGain * 0.995, blockEchoPeak / blockFarPeak)
            residualRatio += 0.1 * (min(1, residual / echo) - residualRatio)
            if residualRatio < 0.1 { converged = true }
        } else if backgroundResidual < 0.25 * near && blockFarPeak > 64 {
            // Still converging: the background already knows the echo path better.
            echoGain = max(echoGain * 0.995, blockBackgroundPeak / blockFarPeak)
        }
        blockEchoPeak = 0
        blockBackgroundPeak = 0
        blockFarPeak = 0
        blockHadDoubleTalk = false
    }
}
