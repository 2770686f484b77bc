import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on `gateway.lock` in the data directory, held while a gateway creates
/// or upgrades the database: the file's creation, its journal mode and its migrations.
///
/// Without it, gateways opening a brand-new directory at the same instant each find no schema
/// and each run the first migration (GRDB reads the applied migrations outside the migration's
/// transaction), so all but one fail with "table already exists". The kernel drops the lock
/// when its holder dies, so a killed gateway never leaves the directory locked.
enum DataDirectoryLock {
    static let fileName = "gateway.lock"

    /// Runs `body` holding the lock, waiting up to `timeout` for it first (another gateway is
    /// creating the database).
    static func whileHeld<T>(directory: String, timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw GatewayStartError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR, Date() < deadline else {
                close(descriptor)
                let why = reason == EWOULDBLOCK ? "another gateway held it for \(Int(timeout)) s" : String(cString: strerror(reason))
                throw GatewayStartError(message: "cannot lock \(path): \(why)")
            }
            usleep(5_000)
        }
        defer {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        return try body()
    }
}
