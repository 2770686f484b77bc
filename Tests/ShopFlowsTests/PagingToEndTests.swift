import ShopFlows
import ShopKit
import Testing

/// Reading a cursor-paged list to a limit or to its real end, over a list served from memory.
@Suite("Paging to the end")
struct PagingToEndTests {
    /// Serves `count` numbers in pages of at most `pageSize`, cursors being offsets, and records
    /// the limits asked for.
    final class Source: @unchecked Sendable {
        let count: Int
        let pageSize: Int
        var limits: [Int] = []

        init(count: Int, pageSize: Int) {
            self.count = count
            self.pageSize = pageSize
        }

        func page(_ cursor: String?, _ limit: Int) -> Page<Int> {
            limits.append(limit)
            let start = cursor.flatMap(Int.init) ?? 0
            let end = min(start + min(limit, pageSize), count)
            return Page(items: Array(start..<end), nextCursor: end < count ? String(end) : nil, total: count)
        }
    }

    @Test("All of a list longer than one page, in order", arguments: [0, 1, 99, 100, 101, 250])
    func all(count: Int) async throws {
        let source = Source(count: count, pageSize: 100)
        let pages = try await PagingToEnd.collect(limit: nil) { cursor, limit throws(ShopError) in source.page(cursor, limit) }
        #expect(pages.items == Array(0..<count))
        #expect(pages.reachedEnd)
        #expect(pages.total == count)
    }

    @Test("A limit stops early and says more are left; a limit past the end reaches it")
    func limit() async throws {
        let source = Source(count: 250, pageSize: 100)
        let first = try await PagingToEnd.collect(limit: 120) { cursor, limit throws(ShopError) in source.page(cursor, limit) }
        #expect(first.items == Array(0..<120))
        #expect(!first.reachedEnd)
        #expect(source.limits == [100, 20])  // never asks for more than it keeps

        let short = Source(count: 7, pageSize: 100)
        let all = try await PagingToEnd.collect(limit: 20) { cursor, limit throws(ShopError) in short.page(cursor, limit) }
        #expect(all.items == Array(0..<7))
        #expect(all.reachedEnd)
    }

    @Test("A short page with a next cursor is not the end; a repeated cursor stops the walk")
    func shortPagesAndLoops() async throws {
        // Pages of 3 although 100 were asked for: the walk follows the cursor, not the page size.
        let source = Source(count: 10, pageSize: 3)
        let pages = try await PagingToEnd.collect(limit: nil) { cursor, limit throws(ShopError) in source.page(cursor, limit) }
        #expect(pages.items == Array(0..<10))

        var calls = 0
        let looping = try await PagingToEnd.collect(limit: nil) { _, _ throws(ShopError) -> Page<Int> in
            calls += 1
            return Page(items: [calls], nextCursor: "same")
        }
        #expect(calls == 2)
        #expect(looping.items == [1, 2])
    }
}
