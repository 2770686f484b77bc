#if DEBUG
import Foundation

/// A debug-build-only way to crash on purpose, so a test can check that a crash leaves the
/// terminal usable: `SHOP_DEBUG_CRASH=<seconds>` makes the process trap that long after start.
/// Release builds have no such hook.
enum DebugCrash {
    static func armIfAsked(_ environment: [String: String]) {
        guard let text = environment["SHOP_DEBUG_CRASH"], let seconds = Double(text), seconds >= 0 else { return }
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            crash()
        }
        thread.start()
    }

    /// A real trap, as an overflow or a failed precondition would raise.
    private static func crash() -> Never {
        fatalError("SHOP_DEBUG_CRASH: crashing on purpose")
    }
}
#endif
