import CSndFile
import Foundation

/// An open libsndfile handle for reading; closes itself. Internal to SoundIO.
final class SndFileHandle {
    let pointer: OpaquePointer
    let info: SF_INFO
    let path: String

    /// Opens `path` for reading; `raw` supplies the layout of a headerless file.
    init(reading path: String, raw: RawFormat? = nil) throws(SoundFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missing(path: path)
        }
        if isDirectory.boolValue {
            throw .unreadable(path: path, libsndfile: "is a directory")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue == 0 {
            throw .empty(path: path)
        }
        var info = raw?.sfInfo ?? SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
            throw Self.openError(path: path)
        }
        self.pointer = handle
        self.info = info
        self.path = path
    }

    deinit { sf_close(pointer) }

    /// Describes what is open.
    var soundFileInfo: SoundFileInfo {
        SoundFileInfo(
            path: path,
            container: SoundFileInfo.formatName(info.format & Int32(SF_FORMAT_TYPEMASK)),
            encoding: SoundFileInfo.formatName(info.format & Int32(SF_FORMAT_SUBMASK)),
            sampleRate: Int(info.samplerate),
            channels: Int(info.channels),
            frames: Int(max(0, info.frames)),
            formatCode: info.format)
    }

    /// Maps the error libsndfile left after a failed open to a `SoundFileError`.
    static func openError(path: String) -> SoundFileError {
        let code = sf_error(nil)
        let message = String(cString: sf_strerror(nil))
        switch code {
        case Int32(SF_ERR_UNRECOGNISED_FORMAT): return .unrecognised(path: path, libsndfile: message)
        case Int32(SF_ERR_SYSTEM): return .unreadable(path: path, libsndfile: message)
        case Int32(SF_ERR_UNSUPPORTED_ENCODING): return .unsupported(path: path, libsndfile: message)
        case _ where unsupportedCodes.contains(code): return .unsupported(path: path, libsndfile: message)
        default: return .corrupt(path: path, libsndfile: message)
        }
    }

    /// libsndfile's internal error codes that mean "known container, encoding not implemented".
    ///
    /// Those codes are not public, so they are found once by their messages (`sf_error_number`),
    /// scanning up to the end marker, whose message is the same as code 0's ("No Error.").
    static let unsupportedCodes: Set<Int32> = {
        let endMarker = String(cString: sf_error_number(0))
        var codes: Set<Int32> = []
        for code in Int32(5)..<Int32(1000) {
            let text = String(cString: sf_error_number(code))
            if text == endMarker { break }
            let message = text.lowercased()
            if message.contains("unimplemented") || message.contains("not supported")
                || message.contains("unsupported") || message.contains("no support") {
                codes.insert(code)
            }
        }
        return codes
    }()
}
