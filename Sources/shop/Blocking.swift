import Dispatch
import Foundation

/// Runs async work from the synchronous main thread and waits for it. The terminal loop must
/// stay on one thread (ncurses is not thread-safe), so start-up and shutdown of the gateway
/// and client bridge into async code here instead of making the whole command async.
func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
    let box = ResultBox<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.get()
}

private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ value: Result<Value, any Error>) {
        lock.lock(); defer { lock.unlock() }
        result = value
    }

    func get() throws -> Value {
        lock.lock(); defer { lock.unlock() }
        return try result!.get()
    }
}
