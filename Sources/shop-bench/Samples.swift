import Foundation

/// Timings of one benchmark: medians and tails, never only means (the machines are noisy).
struct Samples {
    private(set) var values: [Double] = []  // seconds

    mutating func add(_ duration: Duration) {
        let parts = duration.components
        values.append(Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    mutating func add(seconds: Double) { values.append(seconds) }

    var count: Int { values.count }

    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank))]
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
    var max: Double { values.max() ?? .nan }
    var total: Double { values.reduce(0, +) }

    /// "median 0.213 ms  p99 0.402 ms  (n=2000)"
    func summary(unit: TimeUnit = .milliseconds) -> String {
        "median \(unit.format(median))  p99 \(unit.format(p99))  max \(unit.format(max))  (n=\(count))"
    }
}

enum TimeUnit {
    case microseconds, milliseconds

    func format(_ seconds: Double) -> String {
        switch self {
        case .microseconds: String(format: "%.1f µs", seconds * 1e6)
        case .milliseconds: String(format: "%.3f ms", seconds * 1e3)
        }
    }
}

/// Times `body` with the monotonic clock.
@inline(__always)
func measure<T>(_ samples: inout Samples, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    samples.add(clock.now - start)
    return result
}

/// CPU time of the calling thread, in seconds: unlike the wall clock it does not count the
/// time the scheduler gave the core to someone else, so it shows a frame's own cost on a
/// machine shared with compilers.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
