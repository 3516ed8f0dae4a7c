package dev.millrace.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.generator.Main;
import dev.millrace.generator.MessageSpec;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.MessageCodec;
import dev.millrace.protocol.types.Readable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Round trip of every message, every version we support, against Apache Kafka's own codecs (the
 * oracle, test scope). Per message and version, random instances (seeded; edge cases favoured)
 * are encoded by us, read back by us to an equal object, read by Kafka's generated class and
 * re-encoded by it to the very same bytes, and Kafka's bytes read by us to an equal object.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; every failure message
 * carries the seed, message, version and iteration so that it can be replayed.
 */
class MessageOracleTest {
    static final long SEED = Long.getLong("millrace.seed", 0x5EEDL);
    private static final int CASES_PER_VERSION = 40;

    static List<MessageSpec> definitions() throws IOException {
        return Main.parseDirectory(Path.of("src/main/messages"));
    }

    @TestFactory
    Stream<DynamicTest> everyMessageAndVersionRoundTripsThroughKafkasCodec() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (MessageSpec spec : definitions()) {
            for (short v = spec.validVersions().lowest(); v <= spec.validVersions().highest(); v++) {
                short version = v;
                tests.add(DynamicTest.dynamicTest(spec.className() + " v" + version, () -> roundTrip(spec, version)));
            }
        }
        return tests.stream();
    }

    private static void roundTrip(MessageSpec spec, short version) throws Exception {
        long seed = SEED ^ (spec.className().hashCode() * 31L + version);
        MessageRandomizer randomizer = new MessageRandomizer(new Random(seed));
        for (int i = 0; i < CASES_PER_VERSION; i++) {
            String where = "seed=" + SEED + " message=" + spec.className() + " version=" + version + " case=" + i;
            Message original = randomizer.randomMessage(spec, version);
            ByteBuffer ours = MessageCodec.toByteBuffer(original, version);

            Message readBack = read(spec.className(), ours.duplicate(), version);
            assertThat(readBack).as(where + " (ours -> ours)").isEqualTo(original);

            ByteBuffer kafkas;
            try {
                kafkas = KafkaCodec.reencode(spec.className(), ours.duplicate(), version);
            } catch (InvocationTargetException e) {
                throw new AssertionError(where + " Kafka could not parse our bytes: " + e.getCause(), e.getCause());
            }
            assertThat(kafkas).as(where + " (ours -> Kafka -> bytes)").isEqualTo(ours);
            assertThat(read(spec.className(), kafkas, version)).as(where + " (Kafka -> ours)").isEqualTo(original);
        }
    }

    static Message read(String className, ByteBuffer bytes, short version) throws ReflectiveOperationException {
        Class<?> type = Class.forName("dev.millrace.protocol.message." + className);
        try {
            return (Message) type.getConstructor(Readable.class, short.class).newInstance(new Readable(bytes), version);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
