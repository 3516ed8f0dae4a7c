package dev.millrace.it;

import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Sends one byte stream on a fresh raw connection and judges the server's answer against a
 * {@link WireOracle.Plan}: every response frame must be the next expected one (same correlation id,
 * parseable at the request's API and version), and the connection may end early only if some step
 * at or after the first unanswered one is allowed to close it. The stream is written by another
 * thread in seeded random chunks (so frames straddle TCP reads) while this thread reads.
 * One session per connection; not thread-safe.
 */
final class FuzzSession {
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private final ExecutorService writers;

    FuzzSession(String host, int port, ExecutorService writers) {
        this.host = host;
        this.port = port;
        this.writers = writers;
    }

    /** Runs the session; returns null when the server behaved, else what went wrong. */
    String run(byte[] stream, WireOracle.Plan plan, Random random, long deadlineNanos) throws IOException {
        long chunkSeed = random.nextLong();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            OutputStream out = socket.getOutputStream();
            writers.execute(() -> writeInChunks(out, stream, new Random(chunkSeed)));
            return judge(new DataInputStream(socket.getInputStream()), socket, plan.steps(), deadlineNanos);
        }
    }

    private static void writeInChunks(OutputStream out, byte[] stream, Random random) {
        try {
            int pos = 0;
            while (pos < stream.length) {
                int n = random.nextInt(4) == 0 ? stream.length - pos
                        : Math.min(stream.length - pos, 1 + random.nextInt(64));
                out.write(stream, pos, n);
                out.flush();
                pos += n;
            }
        } catch (IOException e) {
            // The server may close the connection while we still write: expected for hostile input.
        }
    }

    private static String judge(DataInputStream in, Socket socket, List<WireOracle.Expectation> steps,
                                long deadlineNanos) throws IOException {
        int answered = -1;
        for (int i = 0; i < steps.size(); i++) {
            WireOracle.Expectation step = steps.get(i);
            if (step instanceof WireOracle.Silent) {
                continue;
            }
            if (step instanceof WireOracle.Close close) {
                return expectEnd(in, socket, deadlineNanos, close, i);
            }
            WireOracle.Reply reply = (WireOracle.Reply) step;
            if (reply.mayWaitLong()) {
                return null;
            }
            byte[] frame;
            try {
                frame = readFrame(in, socket, deadlineNanos);
            } catch (EOFException | java.net.SocketException e) {
                return closedEarly(steps, answered + 1, i);
            } catch (SocketTimeoutException e) {
                return "step=" + i + " expected=" + reply + " reason=noResponseBeforeDeadline";
            }
            if (frame == null) {
                return "step=" + i + " expected=" + reply + " reason=badOrTruncatedResponseFrame";
            }
            String problem = check(frame, reply);
            if (problem != null) {
                return "step=" + i + " expected=" + reply + " " + problem;
            }
            answered = i;
        }
        return null;
    }

    private static String check(byte[] frame, WireOracle.Reply reply) {
        try {
            Frames.ParsedResponse response = Frames.readResponse(ByteBuffer.wrap(frame), reply.api(), reply.version());
            if (response.header().correlationId() != reply.correlationId()) {
                return "receivedCorrelationId=" + response.header().correlationId() + " reason=outOfOrder";
            }
            short unsupported = ErrorCode.UNSUPPORTED_VERSION.code();
            if (reply.fallback() && ((ApiVersionsResponseData) response.body()).errorCode() != unsupported) {
                return "reason=fallbackWithoutUnsupportedVersion";
            }
            return null;
        } catch (RuntimeException e) {
            return "reason=malformedResponse cause=" + e + " receivedCorrelationId="
                    + (frame.length >= 4 ? ByteBuffer.wrap(frame).getInt(0) : -1);
        }
    }

    /**
     * An early close is fine when a step after the last answered one may close the connection
     * (responses still in progress are lost when the server closes on a later frame, and an acks=0
     * produce that fails closes without a response).
     */
    private static String closedEarly(List<WireOracle.Expectation> steps, int first, int waitedFor) {
        for (int i = first; i < steps.size(); i++) {
            WireOracle.Expectation step = steps.get(i);
            if (step instanceof WireOracle.Close || step instanceof WireOracle.Silent
                    || step instanceof WireOracle.Reply reply && reply.knownBug() != null) {
                return null;
            }
        }
        return "step=" + waitedFor + " expected=" + steps.get(waitedFor) + " reason=closedWithoutCause steps=" + steps;
    }

    private static String expectEnd(InputStream in, Socket socket, long deadlineNanos, WireOracle.Close close,
                                    int step) throws IOException {
        try {
            socket.setSoTimeout(remainingMs(deadlineNanos));
            int b = in.read();
            return b < 0 ? null : "step=" + step + " expected=" + close + " reason=bytesInsteadOfClose";
        } catch (java.net.SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            return "step=" + step + " expected=" + close + " reason=connectionStayedOpen";
        }
    }

    /** Reads one response frame; EOF before its size prefix means the server closed the connection. */
    private static byte[] readFrame(DataInputStream in, Socket socket, long deadlineNanos) throws IOException {
        socket.setSoTimeout(remainingMs(deadlineNanos));
        int size = in.readInt();
        if (size < 4 || size > MAX_RESPONSE_BYTES) {
            return null;
        }
        byte[] frame = new byte[size];
        try {
            in.readFully(frame);
        } catch (EOFException e) {
            return null;
        }
        return frame;
    }

    private static int remainingMs(long deadlineNanos) {
        return (int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }
}
