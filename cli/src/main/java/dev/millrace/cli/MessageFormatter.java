package dev.millrace.cli;

import dev.millrace.common.header.Header;
import dev.millrace.common.record.TimestampType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Formats one consumed record as Kafka's DefaultMessageFormatter does: the enabled fields in the
 * order timestamp ({@code CreateTime:1700000000000}), partition ({@code Partition:0}), offset
 * ({@code Offset:5}), headers ({@code h1:v1,h2:v2}), key, value, each followed by the key
 * separator except the last, which is followed by the line separator. Null keys, values and header
 * values print as {@code null} ({@code null.literal}). Properties: {@code print.timestamp},
 * {@code print.partition}, {@code print.offset}, {@code print.headers}, {@code print.key},
 * {@code print.value} (default true), {@code key.separator} (tab), {@code line.separator} (newline),
 * {@code headers.separator} (comma), {@code null.literal}. Immutable after construction.
 */
final class MessageFormatter {
    private final boolean printTimestamp;
    private final boolean printPartition;
    private final boolean printOffset;
    private final boolean printHeaders;
    private final boolean printKey;
    private final boolean printValue;
    private final String keySeparator;
    private final String lineSeparator;
    private final String headersSeparator;
    private final String nullLiteral;

    MessageFormatter(Map<String, String> properties) {
        printTimestamp = flag(properties, "print.timestamp", false);
        printPartition = flag(properties, "print.partition", false);
        printOffset = flag(properties, "print.offset", false);
        printHeaders = flag(properties, "print.headers", false);
        printKey = flag(properties, "print.key", false);
        printValue = flag(properties, "print.value", true);
        keySeparator = ConsoleProducerCommand.unescape(properties.getOrDefault("key.separator", "\t"));
        lineSeparator = ConsoleProducerCommand.unescape(properties.getOrDefault("line.separator", "\n"));
        headersSeparator = properties.getOrDefault("headers.separator", ",");
        nullLiteral = properties.getOrDefault("null.literal", "null");
    }

    private static boolean flag(Map<String, String> properties, String name, boolean defaultValue) {
        String value = properties.get(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /** The formatted record, line separator included. */
    String format(TimestampType timestampType, long timestamp, int partition, long offset, Header[] headers,
                  ByteBuffer key, ByteBuffer value) {
        StringBuilder out = new StringBuilder();
        if (printTimestamp) {
            out.append(timestampType == TimestampType.NO_TIMESTAMP_TYPE ? "NO_TIMESTAMP"
                    : timestampType.name + ":" + timestamp);
            separator(out, printPartition || printOffset || printHeaders || printKey || printValue);
        }
        if (printPartition) {
            out.append("Partition:").append(partition);
            separator(out, printOffset || printHeaders || printKey || printValue);
        }
        if (printOffset) {
            out.append("Offset:").append(offset);
            separator(out, printHeaders || printKey || printValue);
        }
        if (printHeaders) {
            appendHeaders(out, headers);
            separator(out, printKey || printValue);
        }
        if (printKey) {
            out.append(text(key));
            separator(out, printValue);
        }
        if (printValue) {
            out.append(text(value)).append(lineSeparator);
        }
        return out.toString();
    }

    private void appendHeaders(StringBuilder out, Header[] headers) {
        if (headers.length == 0) {
            out.append("NO_HEADERS");
            return;
        }
        for (int i = 0; i < headers.length; i++) {
            if (i > 0) {
                out.append(headersSeparator);
            }
            byte[] headerValue = headers[i].value();
            out.append(headers[i].key()).append(':')
                    .append(headerValue == null ? nullLiteral : new String(headerValue, StandardCharsets.UTF_8));
        }
    }

    private void separator(StringBuilder out, boolean moreColumns) {
        out.append(moreColumns ? keySeparator : lineSeparator);
    }

    private String text(ByteBuffer bytes) {
        if (bytes == null) {
            return nullLiteral;
        }
        ByteBuffer copy = bytes.duplicate();
        byte[] array = new byte[copy.remaining()];
        copy.get(array);
        return new String(array, StandardCharsets.UTF_8);
    }
}
