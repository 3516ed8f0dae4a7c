package dev.millrace.clients.network;

import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.errors.TimeoutException;
import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsRequestData;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.protocol.types.Readable;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A blocking TCP connection to one broker that speaks the Kafka protocol, one request at a time.
 *
 * <p>Opening it connects (bounded by the connect timeout) and negotiates versions: it sends
 * ApiVersions v3 and, if the broker answers UNSUPPORTED_VERSION, reads the v0 body the broker
 * falls back to (KIP-511) and retries with the highest ApiVersions version both sides know. Every
 * later request goes out at the highest version that both this codebase ({@link ApiMessageType}) and
 * the broker support, unless the caller picks one with {@link #version(ApiMessageType)} in hand.
 *
 * <p>Guarantees: each response's correlation id is checked against its request; a mismatch, an
 * I/O error, an oversized frame or a timeout closes the connection, because the stream position is
 * no longer known. Failures: {@link NetworkException} (I/O, correlation mismatch, closed
 * connection), {@link TimeoutException} (no response within the request timeout),
 * {@link UnsupportedVersionException} (no common version), and the exception of a top-level
 * ApiVersions error. Error codes inside other responses are left to the caller (see
 * {@link ServerErrors}).
 *
 * <p>Threading: not thread-safe; one thread owns a connection from open to close.
 */
public final class BlockingConnection implements AutoCloseable {
    /** The ApiVersions version sent first. */
    public static final short INITIAL_API_VERSIONS_VERSION = 3;
    private static final String SOFTWARE_NAME = "millrace";

    private final String host;
    private final int port;
    private final ConnectionConfig config;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Map<Short, short[]> brokerVersions = new HashMap<>();
    private int nextCorrelationId;
    private boolean closed;

    private BlockingConnection(String host, int port, ConnectionConfig config, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        this.config = config;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Connects to {@code host:port} and negotiates API versions.
     *
     * @throws NetworkException if the connection cannot be opened or breaks during negotiation
     * @throws TimeoutException if the broker does not answer ApiVersions in time
     */
    public static BlockingConnection open(String host, int port, ConnectionConfig config) {
        Socket socket = new Socket();
        BlockingConnection connection;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), config.connectTimeoutMs());
            connection = new BlockingConnection(host, port, config, socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NetworkException("host=" + host + " port=" + port + " reason=connectFailed cause="
                    + e.getMessage(), e);
        }
        try {
            connection.negotiateVersions();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The host this connection was opened to. */
    public String host() {
        return host;
    }

    /** The port this connection was opened to. */
    public int port() {
        return port;
    }

    /** The version ranges the broker announced, by API key, as {@code {min, max}} pairs (a copy). */
    public Map<Short, short[]> brokerVersions() {
        Map<Short, short[]> copy = new HashMap<>();
        brokerVersions.forEach((key, range) -> copy.put(key, range.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The highest version of {@code api} that both sides support.
     *
     * @throws UnsupportedVersionException if the broker lacks the API or the ranges do not overlap
     */
    public short version(ApiMessageType api) {
        short[] range = brokerVersions.get(api.apiKey());
        if (range == null) {
            throw new UnsupportedVersionException("api=" + api.apiName() + " apiKey=" + api.apiKey() + " broker="
                    + host + ":" + port + " reason=brokerLacksApi");
        }
        short max = (short) Math.min(range[1], api.highestSupportedVersion());
        short min = (short) Math.max(range[0], api.lowestSupportedVersion());
        if (max < min) {
            throw new UnsupportedVersionException("api=" + api.apiName() + " brokerVersions=" + range[0] + "-"
                    + range[1] + " clientVersions=" + api.lowestSupportedVersion() + "-"
                    + api.highestSupportedVersion() + " broker=" + host + ":" + port + " reason=noCommonVersion");
        }
        return max;
    }

    /** Sends {@code request} at the negotiated version and returns the response as {@code type}. */
    public <R extends ApiMessage> R send(ApiMessage request, Class<R> type) {
        ApiMessageType api = ApiMessageType.fromApiKey(request.apiKey());
        return send(request, version(api), type, config.requestTimeoutMs());
    }

    /**
     * Sends {@code request} at {@code version} and waits up to {@code timeoutMs} for the response.
     *
     * @throws ClassCastException if the response is not a {@code type} (a caller error)
     */
    public <R extends ApiMessage> R send(ApiMessage request, short version, Class<R> type, int timeoutMs) {
        ApiMessageType api = ApiMessageType.fromApiKey(request.apiKey());
        ByteBuffer frame = roundTrip(api, version, request, timeoutMs);
        try {
            return type.cast(Frames.readResponse(frame, api, version).body());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends {@code request} at {@code version} without waiting for a response (only for requests the
     * broker does not answer, such as Produce with acks=0).
     */
    public void sendWithoutResponse(ApiMessage request, short version) {
        ApiMessageType api = ApiMessageType.fromApiKey(request.apiKey());
        write(api, version, request, nextCorrelationId++);
    }

    private void negotiateVersions() {
        short version = INITIAL_API_VERSIONS_VERSION;
        for (int attempt = 0; attempt < 2; attempt++) {
            ApiVersionsRequestData request = new ApiVersionsRequestData();
            if (version >= 3) {
                request.setClientSoftwareName(SOFTWARE_NAME).setClientSoftwareVersion(softwareVersion());
            }
            ByteBuffer frame = roundTrip(ApiMessageType.API_VERSIONS, version, request, config.requestTimeoutMs());
            frame.position(frame.position() + 4);
            short error = frame.getShort(frame.position());
            if (error == ErrorCode.UNSUPPORTED_VERSION.code() && version > 0) {
                ApiVersionsResponseData fallback = new ApiVersionsResponseData(new Readable(frame), (short) 0);
                version = fallbackVersion(fallback, version);
                continue;
            }
            ApiVersionsResponseData response = parseApiVersions(frame, version);
            ServerErrors.throwIfError(response.errorCode(), null, "api=ApiVersions broker=" + host + ":" + port);
            for (ApiVersionsResponseData.ApiVersion entry : response.apiKeys()) {
                brokerVersions.put(entry.apiKey(), new short[] {entry.minVersion(), entry.maxVersion()});
            }
            return;
        }
        close();
        throw new UnsupportedVersionException("api=ApiVersions broker=" + host + ":" + port
                + " reason=fallbackRejected");
    }

    private ApiVersionsResponseData parseApiVersions(ByteBuffer frame, short version) {
        try {
            Readable readable = new Readable(frame);
            ApiVersionsResponseData response = new ApiVersionsResponseData(readable, version);
            readable.expectEnd("ApiVersionsResponse");
            return response;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private short fallbackVersion(ApiVersionsResponseData fallback, short tried) {
        short brokerMax = 0;
        for (ApiVersionsResponseData.ApiVersion entry : fallback.apiKeys()) {
            if (entry.apiKey() == ApiMessageType.API_VERSIONS.apiKey()) {
                brokerMax = entry.maxVersion();
            }
        }
        short next = (short) Math.min(brokerMax, ApiMessageType.API_VERSIONS.highestSupportedVersion());
        if (next >= tried) {
            close();
            throw new UnsupportedVersionException("api=ApiVersions broker=" + host + ":" + port + " triedVersion="
                    + tried + " brokerMaxVersion=" + brokerMax + " reason=inconsistentFallback");
        }
        return next;
    }

    private ByteBuffer roundTrip(ApiMessageType api, short version, ApiMessage request, int timeoutMs) {
        int correlationId = nextCorrelationId++;
        write(api, version, request, correlationId);
        ByteBuffer frame = readFrame(api, timeoutMs);
        int received = frame.getInt(frame.position());
        if (received != correlationId) {
            close();
            throw new NetworkException("api=" + api.apiName() + " broker=" + host + ":" + port
                    + " expectedCorrelationId=" + correlationId + " receivedCorrelationId=" + received
                    + " reason=correlationIdMismatch");
        }
        return frame;
    }

    private void write(ApiMessageType api, short version, ApiMessage request, int correlationId) {
        ensureOpen(api);
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(api.apiKey())
                .setRequestApiVersion(version).setCorrelationId(correlationId).setClientId(config.clientId());
        ByteBuffer frame = Frames.writeRequest(header, request);
        try {
            out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
            out.flush();
        } catch (IOException e) {
            close();
            throw new NetworkException("api=" + api.apiName() + " broker=" + host + ":" + port
                    + " reason=writeFailed cause=" + e.getMessage(), e);
        }
    }

    private ByteBuffer readFrame(ApiMessageType api, int timeoutMs) {
        try {
            socket.setSoTimeout(timeoutMs);
            int size = in.readInt();
            if (size < 4 || size > config.maxResponseBytes()) {
                close();
                throw new NetworkException("api=" + api.apiName() + " broker=" + host + ":" + port + " frameSize="
                        + size + " maxResponseBytes=" + config.maxResponseBytes() + " reason=badFrameSize");
            }
            byte[] bytes = new byte[size];
            in.readFully(bytes);
            return ByteBuffer.wrap(bytes);
        } catch (SocketTimeoutException e) {
            close();
            throw new TimeoutException("api=" + api.apiName() + " broker=" + host + ":" + port + " timeoutMs="
                    + timeoutMs + " reason=noResponse");
        } catch (IOException e) {
            close();
            throw new NetworkException("api=" + api.apiName() + " broker=" + host + ":" + port
                    + " reason=readFailed cause=" + e, e);
        }
    }

    private void ensureOpen(ApiMessageType api) {
        if (closed) {
            throw new NetworkException("api=" + api.apiName() + " broker=" + host + ":" + port
                    + " reason=connectionClosed");
        }
    }

    /** Whether the connection was closed (by the caller or after a failure). */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the socket; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful can be done about a failed close of a socket we abandon.
        }
    }

    private static String softwareVersion() {
        String version = BlockingConnection.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version.replaceAll("[^a-zA-Z0-9.-]", "-");
    }
}
