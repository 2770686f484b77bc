import NIOCore

/// A handler with work for the life of its connection: `connectionOpened` once the connection
/// is active, whether the handler joined the pipeline before that or after; `connectionClosed`
/// when the connection ends or the handler leaves the pipeline (possibly both: it must be
/// idempotent, as `connectionOpened` must be).
protocol ConnectionScopedHandler: ChannelInboundHandler {
    func connectionOpened(context: ChannelHandlerContext)
    func connectionClosed()
}

extension ConnectionScopedHandler {
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { connectionOpened(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        connectionClosed()
    }

    func channelActive(context: ChannelHandlerContext) {
        connectionOpened(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        connectionClosed()
        context.fireChannelInactive()
    }
}
