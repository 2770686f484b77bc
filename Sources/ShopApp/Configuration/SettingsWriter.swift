import Foundation

/// Remembers a choice made in the app (the currency) in `config.yaml`, changing only that
/// key's line so the person's comments and other settings stay as they wrote them.
public enum SettingsWriter {
    public static func setValue(_ value: String, forKey key: String, in file: URL) throws {
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var lines = existing.isEmpty ? [] : existing.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let newLine = "\(key): \(value)"
        if let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            lines[index] = newLine
        } else {
            lines.append(newLine)
        }
        try XDGDirectories.ensurePrivateDirectory(file.deletingLastPathComponent())
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
