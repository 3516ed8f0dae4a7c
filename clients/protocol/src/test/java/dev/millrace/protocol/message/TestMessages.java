package dev.millrace.protocol.message;

import dev.millrace.generator.MessageSpec;
import dev.millrace.protocol.types.Message;
import java.util.Random;

/** Random messages for tests outside this package (see {@link MessageRandomizer}). */
public final class TestMessages {
    private final MessageRandomizer randomizer;

    public TestMessages(Random random) {
        this.randomizer = new MessageRandomizer(random);
    }

    /** A random instance of {@code spec}'s class with every field of {@code version} set. */
    public Message random(MessageSpec spec, short version) throws ReflectiveOperationException {
        return randomizer.randomMessage(spec, version);
    }
}
