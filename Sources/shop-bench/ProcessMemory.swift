import Foundation

/// Resident memory from /proc (Linux), in MiB.
enum ProcessMemory {
    static func residentMiB(pid: Int32? = nil) -> Double? {
        let path = pid.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return nil
    }

    static func format(_ mib: Double?) -> String {
        mib.map { String(format: "%.1f MiB", $0) } ?? "n/a"
    }
}
