package dev.millrace.server.network;

import dev.millrace.protocol.message.ResponseHeaderData;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response side of one client connection: requests are queued in arrival order and their
 * responses leave in that order, whatever order the handlers finish in (clients pipeline up to five
 * requests and match responses to the oldest one in flight).
 *
 * <p>Owning thread: the channel's event loop. {@link #completed} may be called from any thread; it
 * hops to the event loop. Reading pauses while more than {@value #PAUSE_READS_AT} requests wait
 * for their responses and resumes below {@value #RESUME_READS_AT}, so a client that never reads
 * responses (or floods acks=0 produces) cannot make the server queue without bound.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    static final int PAUSE_READS_AT = 64;
    static final int RESUME_READS_AT = 16;

    private final long id;
    private final Channel channel;
    private final ArrayDeque<Request> inFlight = new ArrayDeque<>();
    private boolean closing;

    Connection(long id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    /** Registers a newly decoded request (event loop). */
    void enqueue(Request request) {
        inFlight.addLast(request);
        if (inFlight.size() > PAUSE_READS_AT && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
    }

    /** Called once per request from any thread when its outcome is known. */
    void completed(Request request) {
        if (channel.eventLoop().inEventLoop()) {
            request.done = true;
            drain();
        } else {
            channel.eventLoop().execute(() -> {
                request.done = true;
                drain();
            });
        }
    }

    private void drain() {
        boolean wrote = false;
        while (!closing && !inFlight.isEmpty() && inFlight.peekFirst().done) {
            Request head = inFlight.pollFirst();
            if (head.closeAfter) {
                LOG.info("closing connection {} after {}: {}", this, head, head.closeReason);
                closing = true;
                channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (head.response != null) {
                writeResponse(head);
                wrote = true;
            }
        }
        if (wrote) {
            channel.flush();
        }
        if (inFlight.size() < RESUME_READS_AT && !channel.config().isAutoRead() && !closing) {
            channel.config().setAutoRead(true);
        }
    }

    private void writeResponse(Request request) {
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(request.correlationId());
        short headerVersion = request.api().responseHeaderVersion(request.version());
        int bodySize;
        try {
            bodySize = request.response.size(request.version());
        } catch (RuntimeException e) {
            LOG.error("cannot size response of {}, closing the connection", request, e);
            closing = true;
            channel.close();
            return;
        }
        int size = header.size(headerVersion) + bodySize;
        GatheringWritable out = new GatheringWritable(channel.alloc(), 4 + size);
        try {
            out.writeInt32(size);
            header.write(out, headerVersion);
            request.response.write(out, request.version());
        } catch (RuntimeException e) {
            out.release();
            LOG.error("cannot encode response of {}, closing the connection", request, e);
            closing = true;
            channel.close();
            return;
        }
        List<Object> pieces = out.finish();
        for (Object piece : pieces) {
            channel.write(piece, channel.voidPromise());
        }
    }

    /** Drops queued requests when the channel closes (their late responses are ignored). */
    void closed() {
        closing = true;
        inFlight.clear();
    }

    int inFlightCount() {
        return inFlight.size();
    }

    @Override
    public String toString() {
        return "connection(id=" + id + " remote=" + channel.remoteAddress() + ")";
    }
}
