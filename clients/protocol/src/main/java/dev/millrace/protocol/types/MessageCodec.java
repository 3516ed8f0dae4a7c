package dev.millrace.protocol.types;

import java.nio.ByteBuffer;

/** Whole-message conveniences over {@link Message#size} and {@link Message#write}. */
public final class MessageCodec {
    private MessageCodec() {
    }

    /** Encodes {@code message} at {@code version} into a new heap buffer, flipped for reading. */
    public static ByteBuffer toByteBuffer(Message message, short version) {
        int size = message.size(version);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        message.write(new ByteBufferWritable(buffer), version);
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("message=" + message.getClass().getSimpleName() + " version=" + version
                    + " computedSize=" + size + " writtenBytes=" + buffer.position());
        }
        return buffer.flip();
    }
}
