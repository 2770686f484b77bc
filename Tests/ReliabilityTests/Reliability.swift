import Testing

/// Every ReliabilityTests suite runs inside this one, one at a time: each is heavy (hundreds of
/// checkouts, subprocesses, fuzzing) and, run side by side on two cores, they starve the
/// time-bounded waits of other targets' tests running in the same process.
@Suite("Reliability (issue 6)", .serialized)
struct Reliability {}
