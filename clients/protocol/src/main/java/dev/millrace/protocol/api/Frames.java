package dev.millrace.protocol.api;

import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.message.ResponseHeaderData;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.protocol.types.ByteBufferWritable;
import dev.millrace.protocol.types.MalformedMessageException;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.Readable;
import java.nio.ByteBuffer;

/**
 * Encoding and decoding of whole request and response frames.
 *
 * <pre>
 * request frame:  | size INT32 | request header v1/v2 | request body  |
 * response frame: | size INT32 | response header v0/v1 | response body |
 * size = number of bytes after the size field
 * header v1 = api_key INT16, api_version INT16, correlation_id INT32, client_id NULLABLE_STRING (INT16 length)
 * header v2 = header v1 + tagged fields        (the client id stays INT16-length: any broker can read it)
 * response header v0 = correlation_id INT32;  v1 = v0 + tagged fields (never for ApiVersions, KIP-511)
 * </pre>
 *
 * <p>Decoding never trusts a length: a negative or oversized frame size ends in
 * {@link FrameSizeException}, a short or inconsistent body in {@link MalformedMessageException}, an
 * unknown API key or an unsupported version in {@link UnsupportedVersionException}. A body must use
 * every byte of its frame. Stateless and thread-safe.
 */
public final class Frames {
    /** Kafka's default {@code socket.request.max.bytes}: 100 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

    private Frames() {
    }

    /**
     * Reads and checks the INT32 size prefix at the buffer's position.
     *
     * @return the number of bytes of the frame that follow the prefix
     */
    public static int readFrameSize(ByteBuffer buffer, int maxFrameBytes) {
        if (buffer.remaining() < 4) {
            throw new MalformedMessageException("reason=truncatedFramePrefix remainingBytes=" + buffer.remaining());
        }
        int size = buffer.getInt();
        if (size < 0 || size > maxFrameBytes) {
            throw new FrameSizeException("reason=frameSizeOutOfRange frameSize=" + size + " maxFrameBytes="
                    + maxFrameBytes);
        }
        return size;
    }

    /**
     * Reads a request header from a frame body (the bytes after the size prefix), leaving the buffer
     * at the start of the request body. The header layout depends only on whether the request
     * version is flexible, so headers of unsupported versions can still be read (a broker answers an
     * ApiVersions request of a future version with UNSUPPORTED_VERSION, KIP-511).
     *
     * @throws UnsupportedVersionException if the API key is unknown
     */
    public static RequestHeaderData readRequestHeader(ByteBuffer frame) {
        if (frame.remaining() < 4) {
            throw new MalformedMessageException("reason=truncatedRequestHeader remainingBytes=" + frame.remaining());
        }
        int start = frame.position();
        short apiKey = frame.getShort(start);
        short apiVersion = frame.getShort(start + 2);
        ApiMessageType api = ApiMessageType.fromApiKey(apiKey);
        return new RequestHeaderData(new Readable(frame), api.requestHeaderVersion(apiVersion));
    }

    /**
     * Reads a whole request from a frame body (the bytes after the size prefix).
     *
     * @throws UnsupportedVersionException if the API key is unknown or its version unsupported
     * @throws MalformedMessageException if the bytes do not hold exactly one request
     */
    public static ParsedRequest readRequest(ByteBuffer frame) {
        RequestHeaderData header = readRequestHeader(frame);
        ApiMessageType api = ApiMessageType.fromApiKey(header.requestApiKey());
        short version = header.requestApiVersion();
        if (!api.isVersionSupported(version)) {
            throw new UnsupportedVersionException("api=" + api.apiName() + " apiKey=" + api.apiKey() + " version="
                    + version + " supportedVersions=" + api.lowestSupportedVersion() + "-"
                    + api.highestSupportedVersion());
        }
        Readable in = new Readable(frame);
        ApiMessage body = api.readRequest(in, version);
        in.expectEnd(api.apiName() + "Request");
        return new ParsedRequest(header, api, body);
    }

    /** Encodes a request frame, size prefix included, with the header version its API and version call for. */
    public static ByteBuffer writeRequest(RequestHeaderData header, ApiMessage body) {
        ApiMessageType api = ApiMessageType.fromApiKey(header.requestApiKey());
        short version = header.requestApiVersion();
        return frame(header, api.requestHeaderVersion(version), body, api, version);
    }

    /** Encodes a response frame, size prefix included. */
    public static ByteBuffer writeResponse(int correlationId, ApiMessageType api, short version, ApiMessage body) {
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        return frame(header, api.responseHeaderVersion(version), body, api, version);
    }

    private static ByteBuffer frame(Message header, short headerVersion, ApiMessage body, ApiMessageType api,
                                    short version) {
        int size = header.size(headerVersion) + body.size(version);
        ByteBuffer buffer = ByteBuffer.allocate(4 + size);
        buffer.putInt(size);
        ByteBufferWritable out = new ByteBufferWritable(buffer);
        header.write(out, headerVersion);
        body.write(out, version);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("api=" + api.apiName() + " version=" + version + " reason=sizeMismatch"
                    + " unwrittenBytes=" + buffer.remaining());
        }
        return buffer.flip();
    }

    /**
     * Reads a response frame body (after the size prefix) for a request of {@code api} at {@code version}.
     *
     * @return the header and body; the body must use every byte of the frame
     */
    public static ParsedResponse readResponse(ByteBuffer frame, ApiMessageType api, short version) {
        Readable in = new Readable(frame);
        ResponseHeaderData header = new ResponseHeaderData(in, api.responseHeaderVersion(version));
        ApiMessage body = api.readResponse(in, version);
        in.expectEnd(api.apiName() + "Response");
        return new ParsedResponse(header, body);
    }

    /**
     * A decoded response.
     *
     * @param header the response header
     * @param body the response body
     */
    public record ParsedResponse(ResponseHeaderData header, ApiMessage body) {
    }
}
