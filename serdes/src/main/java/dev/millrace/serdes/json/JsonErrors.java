package dev.millrace.serdes.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.utils.Bytes;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns Jackson read failures into {@link SerializationException}s whose message locates the problem
 * in the record's bytes. Stateless and thread-safe.
 *
 * <p>The message names the topic, the target type, the byte offset Jackson reports (from the start of
 * the record's bytes), the line and column, the JSON path of the field being read when known, Jackson's
 * reason, and an excerpt of up to {@value #EXCERPT_RADIUS} bytes on each side of the offset (printable
 * ASCII as is, other bytes as {@code \xHH}).
 */
final class JsonErrors {
    static final int EXCERPT_RADIUS = 16;

    private JsonErrors() {
    }

    /**
     * Builds the exception for a failed read of {@code data[start, start + length)}. Jackson reports
     * offsets relative to {@code start} already.
     */
    static SerializationException readFailed(String topic, String targetType, IOException cause, byte[] data,
            int start, int length) {
        StringBuilder message = new StringBuilder("reason=malformedJson deserializer=JsonDeserializer topic=")
                .append(topic).append(" targetType=").append(targetType);
        long offset = byteOffset(cause, data, start, length);
        message.append(" byteOffset=").append(offset >= 0 ? String.valueOf(offset) : "unknown");
        if (cause instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation location = processing.getLocation();
            message.append(" line=").append(location.getLineNr()).append(" column=").append(location.getColumnNr());
        }
        message.append(" recordSize=").append(length);
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message.append(" path=").append(oneLine(mapping.getPathReference()));
        }
        String detail = cause instanceof JsonProcessingException processing
                ? processing.getOriginalMessage()
                : cause.getMessage();
        message.append(" detail=").append(oneLine(detail));
        if (offset >= 0 && offset <= length) {
            int from = (int) Math.max(0, offset - EXCERPT_RADIUS);
            int to = (int) Math.min(length, offset + EXCERPT_RADIUS);
            message.append(" near=").append(new Bytes(Arrays.copyOfRange(data, start + from, start + to)));
        }
        return new SerializationException(message.toString(), cause);
    }

    /**
     * The offset Jackson reports, or, when it reports none because the input held no JSON value at all
     * (empty or only whitespace), the end of the input; -1 when unknown.
     */
    private static long byteOffset(IOException cause, byte[] data, int start, int length) {
        if (cause instanceof JsonProcessingException processing && processing.getLocation() != null
                && processing.getLocation().getByteOffset() >= 0) {
            return processing.getLocation().getByteOffset();
        }
        for (int i = start; i < start + length; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return -1;
            }
        }
        return length;
    }

    /** Replaces line breaks, so that the message stays one {@code key=value} line. */
    static String oneLine(String text) {
        return text == null ? "null" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
