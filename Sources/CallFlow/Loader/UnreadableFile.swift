import Foundation

/// Why a YAML file the user named (a flow, a load scenario) could not be read, and what to do.
public enum UnreadableFile {
    /// The reason for `path`: missing (with `hint`, e.g. ", e.g. flows/store.yaml"), a folder,
    /// or unreadable. `kind` names the file ("flow", "scenario").
    public static func reason(_ path: String, kind: String, hint: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return "no such \(kind) file; check the path (relative paths start from "
                + "\(FileManager.default.currentDirectoryPath))\(hint)"
        }
        if isFolder.boolValue { return "this is a folder; give the \(kind)'s YAML file" }
        return "cannot read the \(kind) file: check its permissions and that it is UTF-8 text"
    }
}
