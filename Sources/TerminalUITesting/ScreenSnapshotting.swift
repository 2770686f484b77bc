import Foundation
import SnapshotTesting
import TerminalUI

// The snapshot strategy for screens, shared by every test target that draws a Buffer.

extension Snapshotting where Value == Buffer, Format == String {
    /// A buffer as its character grid followed by its style runs (see `Buffer.snapshotText`).
    public static var screen: Snapshotting {
        SimplySnapshotting.lines.pullback { $0.snapshotText() }
    }

    /// The same, with styles resolved to the colours `theme` gives on a `capability` terminal.
    public static func screen(theme: Theme, capability: ColorCapability = .truecolor) -> Snapshotting {
        SimplySnapshotting.lines.pullback { $0.snapshotText(theme: theme, capability: capability) }
    }
}

/// The record mode: never on CI, so a missing snapshot fails instead of being written; locally
/// only missing snapshots are recorded (and fail once, to be looked at and committed), unless
/// SNAPSHOT_TESTING_RECORD=all|failed asks to re-record. CI systems (GitHub Actions, GitLab,
/// Buildkite, …) set `CI` to a non-empty value other than "false" or "0".
public let snapshotRecordMode: SnapshotTestingConfiguration.Record = {
    let environment = ProcessInfo.processInfo.environment
    let ci = environment["CI"]?.lowercased() ?? ""
    if !ci.isEmpty && ci != "false" && ci != "0" { return .never }
    return environment["SNAPSHOT_TESTING_RECORD"].flatMap(SnapshotTestingConfiguration.Record.init(rawValue:)) ?? .missing
}()

/// Asserts `buffer` matches the committed snapshot `name` of the calling test; with a theme,
/// the style runs show resolved colours instead of roles.
public func assertScreen(
    _ buffer: Buffer, named name: String, resolvedWith theme: Theme? = nil, capability: ColorCapability = .truecolor,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function, line: UInt = #line,
    column: UInt = #column
) {
    let strategy: Snapshotting<Buffer, String> = theme.map { .screen(theme: $0, capability: capability) } ?? .screen
    assertSnapshot(
        of: buffer, as: strategy, named: name, record: snapshotRecordMode, fileID: fileID, file: file,
        testName: testName, line: line, column: column)
}
