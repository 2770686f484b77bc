extension GatewayAPI {
    func listActivity(_ input: Operations.ListActivity.Input) async throws -> Operations.ListActivity.Output {
        let shopper = try requireShopper()
        try checkParameter(input.query.cursor, "cursor", max: 200)
        let limit = try pageLimit(input.query.limit)
        let entries = await store.activity(userId: shopper.userId)
        let page = try Page(
            all: entries, limit: limit, cursor: input.query.cursor, fingerprint: PageCursor.fingerprint("activity", shopper.userId))
        return .ok(.init(body: .json(.init(items: page.items.map(\.wire), nextCursor: page.nextCursor, total: page.total))))
    }
}
