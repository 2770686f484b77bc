import Foundation

/// Finds the package's built executables (`shop`, `shop-mock-server`) and installed tools for
/// the tests that run them as child processes.
public enum BuiltProducts {
    /// The first directory holding every one of `names`: `SHOP_BIN_DIR`, then the test bundle's
    /// directory and up to three of its parents (the bundle sits beside the executables in the
    /// build products directory), then `.build/debug` under the package root.
    public static func directory(containing names: [String]) -> URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SHOP_BIN_DIR"] { candidates.append(URL(fileURLWithPath: override)) }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        return candidates.first { candidate in
            names.allSatisfy { FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent($0).path) }
        }
    }

    /// An executable on `PATH`, as a shell would find it.
    public static func tool(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The folder holding Package.swift, above this source file.
    private static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }
}
