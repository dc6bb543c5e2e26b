import CALSA
import Foundation

/// Collects what alsa-lib logs while one call runs on this thread, instead of letting it print to stderr.
///
/// Uses `snd_lib_error_set_local`, a per-thread handler, so other threads are not affected.
enum ALSAErrorDetail {
    private static let key = "switchboard.soundio.alsa.detail"

    /// Runs `body`, returning its result and the first message alsa-lib logged meanwhile, if any
    /// (the first is the cause, e.g. "cannot find card '0'"; later ones are its consequences).
    static func capturing<T>(_ body: () -> T) -> (result: T, detail: String?) {
        Thread.current.threadDictionary.removeObject(forKey: key)
        let previous = snd_lib_error_set_local { _, _, _, systemError, format, arguments in
            guard let format, let arguments,
                  Thread.current.threadDictionary[ALSAErrorDetail.key] == nil else { return }
            var text = [CChar](repeating: 0, count: 512)
            _ = vsnprintf(&text, text.count, format, arguments)
            let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            var message = String(decoding: bytes, as: UTF8.self)
            if systemError != 0 { message += ": " + String(cString: strerror(systemError)) }
            Thread.current.threadDictionary[ALSAErrorDetail.key] = message
        }
        let result = body()
        snd_lib_error_set_local(previous)
        let detail = Thread.current.threadDictionary[key] as? String
        Thread.current.threadDictionary.removeObject(forKey: key)
        return (result, detail)
    }

    /// `snd_strerror(code)`, with alsa-lib's logged detail when there is one.
    static func message(_ code: Int32, detail: String?) -> String {
        let text = String(cString: snd_strerror(code))
        guard let detail, !detail.isEmpty, detail != text else { return text }
        return "\(text) (\(detail))"
    }

    /// Maps an errno from ALSA to the error kind a caller can act on.
    static func kind(_ code: Int32) -> AudioLineError.Kind {
        switch -code {
        case ENOENT, ENXIO: .missing
        case EBUSY, EAGAIN: .busy
        case ENODEV, EIO, EBADFD, ESTRPIPE: .unplugged
        case EINVAL: .unsupportedSetup
        default: .failed
        }
    }
}
