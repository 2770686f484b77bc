import Synchronization

/// Carries a backend's input events to its one reader, who takes them either as an
/// `AsyncStream` (``events``) or, one thread hop sooner, as calls on the thread that read
/// them (``deliver(to:)``). A key then reaches the run loop in one wake-up of the task pool
/// instead of two: one to run the stream's reader, one to run the loop it posts to.
///
/// Events sent before the reader chooses wait, in order, and go to whichever it chose.
public final class EventPipe: Sendable {
    private enum Reader {
        case undecided(waiting: [Event], finished: Bool)
        case stream(AsyncStream<Event>.Continuation)
        /// Called with nil once the input ends.
        case receiver(@Sendable (Event?) -> Void)
        case closed
    }

    private let reader = Mutex(Reader.undecided(waiting: [], finished: false))

    public init() {}

    /// The events as a stream, which ends when the input ends. Read once, or use ``deliver(to:)``.
    public var events: AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
        reader.withLock { reader in
            guard case .undecided(let waiting, let finished) = reader else {
                continuation.finish()  // a second reader gets nothing
                return
            }
            for event in waiting { continuation.yield(event) }
            if finished {
                continuation.finish()
                reader = .closed
            } else {
                reader = .stream(continuation)
            }
        }
        return stream
    }

    /// Calls `receiver` with each event, on the sender's thread and in order, then with nil when
    /// the input ends. Use this or ``events``, once.
    public func deliver(to receiver: @escaping @Sendable (Event?) -> Void) {
        reader.withLock { reader in
            guard case .undecided(let waiting, let finished) = reader else { return }
            for event in waiting { receiver(event) }
            if finished {
                receiver(nil)
                reader = .closed
            } else {
                reader = .receiver(receiver)
            }
        }
    }

    public func send(_ event: Event) {
        reader.withLock { reader in
            switch reader {
            case .undecided(var waiting, let finished):
                waiting.append(event)
                reader = .undecided(waiting: waiting, finished: finished)
            case .stream(let continuation): continuation.yield(event)
            case .receiver(let receiver): receiver(event)
            case .closed: break
            }
        }
    }

    /// The input ended: the stream finishes, the receiver gets nil.
    public func finish() {
        reader.withLock { reader in
            switch reader {
            case .undecided(let waiting, _): reader = .undecided(waiting: waiting, finished: true)
            case .stream(let continuation):
                continuation.finish()
                reader = .closed
            case .receiver(let receiver):
                receiver(nil)
                reader = .closed
            case .closed: break
            }
        }
    }
}
