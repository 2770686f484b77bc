import Foundation
import Testing

/// Runs a program to its end and answers what it printed on standard output (standard error
/// is dropped). It blocks its thread: call it inside ``offThePool(isolation:_:)``; on the
/// cooperative pool it records a test issue.
public func processOutput(_ executable: String, _ arguments: [String], caller: String = "processOutput") throws -> String {
    if !BlockingWorkExecutor.isCurrentThread {
        Issue.record("\(caller) blocks its thread: call it inside offThePool { } (the cooperative pool is the whole suite's)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
