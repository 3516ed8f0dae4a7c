package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;

import java.nio.ByteBuffer;

/**
 * The binary key of a session record in a changelog, as Kafka Streams lays it out: the serialized key, then the
 * session end and the session start, each as an 8-byte big-endian long. In-memory session stores restore from
 * keys in this layout.
 */
final class SessionKeySchema {

    private static final int SUFFIX_SIZE = 2 * Long.BYTES;

    private SessionKeySchema() {
    }

    /**
     * Lays out a changelog key.
     *
     * @param sessionKey the serialized key and its session window
     * @return the binary key
     */
    static Bytes toBinary(Windowed<Bytes> sessionKey) {
        byte[] raw = sessionKey.key().get();
        return Bytes.wrap(ByteBuffer.allocate(raw.length + SUFFIX_SIZE).put(raw)
                .putLong(sessionKey.window().end()).putLong(sessionKey.window().start()).array());
    }

    /**
     * Reads a changelog key.
     *
     * @param binaryKey the binary key
     * @return the serialized key and its session window
     */
    static Windowed<Bytes> from(byte[] binaryKey) {
        ByteBuffer buffer = ByteBuffer.wrap(binaryKey);
        byte[] key = new byte[binaryKey.length - SUFFIX_SIZE];
        buffer.get(key);
        long end = buffer.getLong();
        long start = buffer.getLong();
        return new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end));
    }
}
