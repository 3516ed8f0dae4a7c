package dev.millrace.it;

import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.api.ParsedRequest;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.FetchRequestData;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.server.handler.SupportedApis;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a Kafka-compatible server must do with a byte stream sent on one connection, worked out
 * on the client side with the same framing rules and the same request decoder: split the stream into
 * frames by their size prefixes, and for each frame expect one response (with the request's
 * correlation id, parseable at its API and version), no response (Produce with acks=0), or the end
 * of the connection (a size prefix that is negative or over {@code socket.request.max.bytes}, a frame
 * that does not decode, an API the server does not serve). An incomplete last frame expects nothing:
 * the server waits for the rest. Stateless.
 */
final class WireOracle {
    /** Fetches that may wait longer than this are not waited for. */
    static final int LONGEST_WAIT_MS = 2_000;
    private static final Set<ApiMessageType> STATE_CHANGING = EnumSet.of(ApiMessageType.CREATE_TOPICS,
            ApiMessageType.DELETE_TOPICS, ApiMessageType.CREATE_PARTITIONS, ApiMessageType.DELETE_RECORDS,
            ApiMessageType.ALTER_CONFIGS, ApiMessageType.INCREMENTAL_ALTER_CONFIGS);

    private WireOracle() {
    }

    /** One step of the expected behaviour. */
    sealed interface Expectation permits Reply, Silent, Close {
    }

    /**
     * A response frame for the request with {@code correlationId}; {@code fallback} marks the KIP-511
     * answer to an ApiVersions request of an unknown version (v0 body, UNSUPPORTED_VERSION);
     * {@code mayWaitLong} marks a fetch allowed to wait past {@link #LONGEST_WAIT_MS}; a non-null
     * {@code knownBug} names a reported server bug that closes the connection instead of answering.
     */
    record Reply(int correlationId, ApiMessageType api, short version, boolean fallback, boolean mayWaitLong,
                 String knownBug) implements Expectation {
    }

    /** A produce with acks=0: no response; the server closes the connection if the append fails. */
    record Silent(int correlationId) implements Expectation {
    }

    /** The server must close the connection here (earlier responses may be lost with it). */
    record Close(String reason) implements Expectation {
    }

    /**
     * The expected behaviour for a stream; {@code changesState} is true when some frame decodes to a
     * request that would create, delete or reconfigure something (the fuzzer does not send those).
     */
    record Plan(List<Expectation> steps, boolean changesState) {
    }

    /**
     * Plans {@code stream}; {@code knownBugs} names, for a decoded request, a reported server bug that
     * makes the server close the connection instead of answering it (null when none applies).
     */
    static Plan plan(byte[] stream, int maxRequestBytes, Function<ParsedRequest, String> knownBugs) {
        List<Expectation> steps = new ArrayList<>();
        boolean changesState = false;
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.remaining() >= 4) {
            int size = in.getInt();
            if (size < 0 || size > maxRequestBytes) {
                steps.add(new Close("frameSize=" + size));
                break;
            }
            if (in.remaining() < size) {
                break;
            }
            byte[] frame = new byte[size];
            in.get(frame);
            Expectation step = classify(frame, knownBugs);
            steps.add(step);
            if (step instanceof Close) {
                break;
            }
            if (step instanceof Reply reply && STATE_CHANGING.contains(reply.api())) {
                changesState = true;
            }
        }
        return new Plan(steps, changesState);
    }

    private static Expectation classify(byte[] frame, Function<ParsedRequest, String> knownBugs) {
        ParsedRequest parsed;
        try {
            parsed = Frames.readRequest(ByteBuffer.wrap(frame));
        } catch (UnsupportedVersionException e) {
            return apiVersionsFallback(frame, e);
        } catch (RuntimeException e) {
            return new Close("undecodable " + e.getMessage());
        }
        RequestHeaderData header = parsed.header();
        ApiMessageType api = parsed.api();
        if (!SupportedApis.isServed(api)) {
            return new Close("notServed api=" + api);
        }
        if (api == ApiMessageType.PRODUCE && ((ProduceRequestData) parsed.body()).acks() == 0) {
            return new Silent(header.correlationId());
        }
        boolean waits = api == ApiMessageType.FETCH
                && ((FetchRequestData) parsed.body()).maxWaitMs() > LONGEST_WAIT_MS;
        return new Reply(header.correlationId(), api, header.requestApiVersion(), false, waits,
                knownBugs.apply(parsed));
    }

    private static Expectation apiVersionsFallback(byte[] frame, UnsupportedVersionException cause) {
        RequestHeaderData header;
        try {
            header = Frames.readRequestHeader(ByteBuffer.wrap(frame));
        } catch (RuntimeException e) {
            return new Close("unsupported " + cause.getMessage());
        }
        if (header.requestApiKey() != ApiMessageType.API_VERSIONS.apiKey()) {
            return new Close("unsupported " + cause.getMessage());
        }
        return new Reply(header.correlationId(), ApiMessageType.API_VERSIONS, (short) 0, true, false, null);
    }
}
