package dev.millrace.server.network;

import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.api.ParsedRequest;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns frames (size prefix already removed) into {@link Request}s and hands them to the
 * {@link RequestHandler}. Runs on the channel's event loop and never blocks.
 *
 * <p>Bad input, as Kafka brokers treat it: a frame over {@code socket.request.max.bytes}, an
 * unknown API key, an unsupported version or a body that does not parse closes only this
 * connection. An ApiVersions request of a version we do not know is answered with
 * UNSUPPORTED_VERSION in a v0 body listing our ApiVersions range (KIP-511), so the client can retry.
 * Connections beyond {@code max.connections} are closed at once; idle connections are closed by the
 * idle-state event.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final RequestHandler handler;
    private final AtomicInteger activeConnections;
    private final int maxConnections;
    private final long connectionId;
    private Connection connection;
    private boolean counted;

    ConnectionHandler(RequestHandler handler, AtomicInteger activeConnections, int maxConnections, AtomicLong ids) {
        this.handler = handler;
        this.activeConnections = activeConnections;
        this.maxConnections = maxConnections;
        this.connectionId = ids.incrementAndGet();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        if (activeConnections.incrementAndGet() > maxConnections) {
            LOG.warn("closing connection from {}: max.connections={} reached", ctx.channel().remoteAddress(),
                    maxConnections);
            ctx.close();
            return;
        }
        connection = new Connection(connectionId, ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            activeConnections.decrementAndGet();
            counted = false;
        }
        if (connection != null) {
            connection.closed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        byte[] bytes;
        try {
            bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
        } finally {
            frame.release();
        }
        if (connection == null) {
            return;
        }
        long now = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        ParsedRequest parsed;
        try {
            parsed = Frames.readRequest(buffer);
        } catch (UnsupportedVersionException e) {
            if (!answerUnsupportedApiVersions(ByteBuffer.wrap(bytes), now)) {
                LOG.info("closing {}: {}", connection, e.getMessage());
                ctx.close();
            }
            return;
        } catch (RuntimeException e) {
            LOG.info("closing {}: malformed request: {}", connection, e.getMessage());
            ctx.close();
            return;
        }
        Request request = new Request(connection, parsed.header(), parsed.api(), parsed.body(), now);
        connection.enqueue(request);
        try {
            handler.handle(request);
        } catch (RuntimeException e) {
            LOG.error("handler failed for {}", request, e);
            request.closeConnection("handlerFailed " + e);
        }
    }

    private boolean answerUnsupportedApiVersions(ByteBuffer frame, long now) {
        RequestHeaderData header;
        try {
            header = Frames.readRequestHeader(frame);
        } catch (RuntimeException e) {
            return false;
        }
        if (header.requestApiKey() != ApiMessageType.API_VERSIONS.apiKey()) {
            return false;
        }
        ApiMessageType api = ApiMessageType.API_VERSIONS;
        ApiVersionsResponseData body = new ApiVersionsResponseData()
                .setErrorCode(ErrorCode.UNSUPPORTED_VERSION.code())
                .setApiKeys(List.of(new ApiVersionsResponseData.ApiVersion().setApiKey(api.apiKey())
                        .setMinVersion(api.lowestSupportedVersion()).setMaxVersion(api.highestSupportedVersion())));
        RequestHeaderData v0 = new RequestHeaderData().setRequestApiKey(api.apiKey()).setRequestApiVersion((short) 0)
                .setCorrelationId(header.correlationId()).setClientId(header.clientId());
        Request request = new Request(connection, v0, api, null, now);
        connection.enqueue(request);
        request.respond(body);
        return true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("closing idle {}", connection);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.info("closing {}: {}", connection, cause.getMessage());
        } else {
            LOG.debug("closing {} after an I/O error: {}", connection, cause.toString());
        }
        ctx.close();
    }
}
