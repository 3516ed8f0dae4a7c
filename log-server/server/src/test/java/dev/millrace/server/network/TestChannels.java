package dev.millrace.server.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Embedded Netty channels with the server's pipeline, for handler tests without sockets. */
public final class TestChannels {
    private TestChannels() {
    }

    /** A channel whose decoded requests go to {@code handler}. */
    public static EmbeddedChannel embedded(RequestHandler handler) {
        return new EmbeddedChannel(new LengthFieldBasedFrameDecoder(100 * 1024 * 1024 + 4, 0, 4, 0, 4, true),
                new ConnectionHandler(handler, new AtomicInteger(), 100, new AtomicLong()));
    }

    /**
     * Everything written to the channel so far (buffers and file regions, in order) as one buffer
     * positioned at the first frame's size prefix, or null if nothing was written.
     */
    public static ByteBuffer drain(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WritableByteChannel sink = Channels.newChannel(out);
        Object piece;
        boolean any = false;
        while ((piece = channel.readOutbound()) != null) {
            any = true;
            try {
                if (piece instanceof ByteBuf buf) {
                    buf.readBytes(out, buf.readableBytes());
                    buf.release();
                } else if (piece instanceof FileRegion region) {
                    while (region.transferred() < region.count()) {
                        region.transferTo(sink, region.transferred());
                    }
                    region.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return any ? ByteBuffer.wrap(out.toByteArray()) : null;
    }

}
