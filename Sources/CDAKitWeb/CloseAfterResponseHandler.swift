import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Ends a connection after a response that says `Connection: close`.
///
/// Hummingbird closes a connection only when the *request* asks for it; a response of ours that
/// says `Connection: close` (a refused, too large body) would otherwise leave the connection
/// open, and a client still sending its body waits for its own timeout. After such a response
/// is written, this handler shuts the connection's sending side: the client reads the answer and
/// then the end of the stream. Reading continues (Hummingbird discards the rest of the body), so
/// the client is not cut off while sending; the connection closes fully when it hangs up.
final class CloseAfterResponseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Whether the response being written said `Connection: close`.
    private var closing = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closing = head.headerFields[.connection]?.lowercased() == "close"
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closing else {
                context.write(data, promise: promise)
                return
            }
            closing = false
            context.writeAndFlush(data, promise: promise)
            context.close(mode: .output, promise: nil)
        }
    }
}
