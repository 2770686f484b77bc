import Synchronization
import Testing
import TerminalUI

@Suite("Event pipe: a backend's events reach one reader, in order")
struct EventPipeTests {
    /// Collects what a receiver is handed.
    final class Received: Sendable {
        private let events = Mutex<[Event?]>([])
        func append(_ event: Event?) { events.withLock { $0.append(event) } }
        var all: [Event?] { events.withLock { $0 } }
    }

    @Test("Events sent before the receiver is set reach it first, in order, then nil when the input ends")
    func receiverGetsWaitingEventsFirst() {
        let pipe = EventPipe()
        pipe.send(.key(.character("a")))
        pipe.send(.resize(Size(width: 10, height: 5)))
        let received = Received()
        pipe.deliver(to: received.append)
        pipe.send(.key(.down))
        pipe.finish()
        pipe.send(.key(.up))  // after the end: dropped
        #expect(received.all == [.key(.character("a")), .resize(Size(width: 10, height: 5)), .key(.down), nil])
    }

    @Test("Input that ended before the receiver was set still ends for it")
    func endedBeforeReceiver() {
        let pipe = EventPipe()
        pipe.send(.key(.enter))
        pipe.finish()
        let received = Received()
        pipe.deliver(to: received.append)
        #expect(received.all == [.key(.enter), nil])
    }

    @Test("Read as a stream, the events come in order and the stream ends with the input")
    func streamReader() async {
        let pipe = EventPipe()
        pipe.send(.key(.character("x")))
        let stream = pipe.events
        pipe.send(.key(.character("y")))
        pipe.finish()
        var events: [Event] = []
        for await event in stream { events.append(event) }
        #expect(events == [.key(.character("x")), .key(.character("y"))])
    }

    @Test("Only the first reader gets the events: a second stream or receiver gets nothing")
    func oneReader() async {
        let pipe = EventPipe()
        let received = Received()
        pipe.deliver(to: received.append)
        let late = Received()
        pipe.deliver(to: late.append)
        var streamed: [Event] = []
        pipe.send(.key(.tab))
        for await event in pipe.events { streamed.append(event) }
        #expect(received.all == [.key(.tab)])
        #expect(late.all.isEmpty)
        #expect(streamed.isEmpty)
    }

    @Test("Events sent from many threads at once all arrive, each thread's in its own order")
    func concurrentSenders() async {
        let pipe = EventPipe()
        let received = Received()
        pipe.deliver(to: received.append)
        await withTaskGroup(of: Void.self) { group in
            for sender in 0..<4 {
                group.addTask {
                    for index in 0..<250 { pipe.send(.resize(Size(width: sender, height: index))) }
                }
            }
        }
        let sizes = received.all.compactMap { event -> Size? in
            if case .resize(let size)? = event { return size }
            return nil
        }
        #expect(sizes.count == 1000)
        for sender in 0..<4 {
            #expect(sizes.filter { $0.width == sender }.map(\.height) == Array(0..<250))
        }
    }
}
