import Foundation
import Testing
@testable import ShopMockServer

/// The seed catalog is compiled in from a committed generated file
/// (`Embedded/EmbeddedFiles.swift`, written by `scripts/embed-files.sh`), not by a build tool
/// plugin: this fails when `Embedded/catalog.json` was edited and the script not run.
@Suite struct EmbeddedCatalogTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Sources/ShopMockServer/Embedded").standardized

    @Test func theCompiledInFilesAreTheFilesOfEmbedded() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { !$0.hasSuffix(".swift") }.sorted()
        #expect(files == ["catalog.json"], "only the seed catalog is expected in Embedded/")
        #expect(EmbeddedFiles.names == files, "run scripts/embed-files.sh")
        for file in files {
            let onDisk = try Data(contentsOf: Self.directory.appendingPathComponent(file))
            #expect(EmbeddedFiles.data(named: file) == onDisk, "\(file) differs from its compiled-in copy: run scripts/embed-files.sh")
        }
    }
}
