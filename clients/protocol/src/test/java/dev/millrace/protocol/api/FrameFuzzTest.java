package dev.millrace.protocol.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.generator.Main;
import dev.millrace.generator.MessageSpec;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.message.TestMessages;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.protocol.types.MalformedMessageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input never escapes as anything but a protocol exception. Starting from valid request
 * and response frames of every API and version, the test feeds the decoder random bytes,
 * truncations, single-byte and multi-byte mutations, and forged length fields; every case must
 * decode or end in {@link MalformedMessageException} / {@link UnsupportedVersionException}, never
 * in a buffer underflow, an array error, an out-of-memory error or a hang (the timeout).
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default, printed in every failure.
 */
class FrameFuzzTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xF022L);
    private static final int CASES = 120_000;

    /** A valid frame body (after the size prefix), and how to decode it. */
    private record Sample(ByteBuffer bytes, ApiMessageType api, short version, boolean request) {
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldEndEveryMalformedFrameInAProtocolException() throws Exception {
        Random random = new Random(SEED);
        List<Sample> samples = samples(random);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            byte[] bytes = mutate(sample.bytes(), random, i % 5);
            try {
                decode(sample, ByteBuffer.wrap(bytes));
                decoded++;
            } catch (MalformedMessageException | UnsupportedVersionException expected) {
                // The only acceptable failures.
            } catch (RuntimeException | Error unexpected) {
                throw new AssertionError("seed=" + SEED + " case=" + i + " api=" + sample.api().apiName() + " version="
                        + sample.version() + " request=" + sample.request() + " mutation=" + (i % 5)
                        + " threw " + unexpected, unexpected);
            }
        }
        assertThat(decoded).as("some mutated frames still decode").isPositive();
    }

    private static void decode(Sample sample, ByteBuffer frame) {
        if (sample.request()) {
            Frames.readRequest(frame);
        } else {
            Frames.readResponse(frame, sample.api(), sample.version());
        }
    }

    private static byte[] mutate(ByteBuffer valid, Random random, int kind) {
        byte[] bytes = new byte[valid.remaining()];
        valid.duplicate().get(bytes);
        switch (kind) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                return noise;
            }
            case 1 -> {
                byte[] truncated = new byte[random.nextInt(bytes.length + 1)];
                System.arraycopy(bytes, 0, truncated, 0, truncated.length);
                return truncated;
            }
            case 2 -> {
                if (bytes.length > 0) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return bytes;
            }
            case 3 -> {
                for (int n = 1 + random.nextInt(4); n > 0 && bytes.length > 0; n--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                }
                return bytes;
            }
            default -> {
                // Forge a length: overwrite 4 bytes with a negative, huge, or off-by-some value.
                if (bytes.length >= 4) {
                    int at = random.nextInt(bytes.length - 3);
                    int forged = switch (random.nextInt(4)) {
                        case 0 -> -1 - random.nextInt(1000);
                        case 1 -> Integer.MAX_VALUE - random.nextInt(1000);
                        case 2 -> random.nextInt(1 << 20);
                        default -> 0x7f7f7f7f;
                    };
                    ByteBuffer.wrap(bytes).putInt(at, forged);
                }
                return bytes;
            }
        }
    }

    private static List<Sample> samples(Random random) throws Exception {
        List<Sample> samples = new ArrayList<>();
        TestMessages messages = new TestMessages(random);
        for (MessageSpec spec : Main.parseDirectory(Path.of("src/main/messages"))) {
            if (spec.kind() != MessageSpec.Kind.REQUEST && spec.kind() != MessageSpec.Kind.RESPONSE) {
                continue;
            }
            ApiMessageType api = ApiMessageType.fromApiKey((short) spec.apiKey());
            for (short v = spec.validVersions().lowest(); v <= spec.validVersions().highest(); v++) {
                ApiMessage body = (ApiMessage) messages.random(spec, v);
                ByteBuffer frame;
                if (spec.kind() == MessageSpec.Kind.REQUEST) {
                    RequestHeaderData header = new RequestHeaderData().setRequestApiKey(api.apiKey())
                            .setRequestApiVersion(v).setCorrelationId(random.nextInt()).setClientId("fuzz");
                    frame = Frames.writeRequest(header, body);
                } else {
                    frame = Frames.writeResponse(random.nextInt(), api, v, body);
                }
                frame.getInt();
                samples.add(new Sample(frame.slice(), api, v, spec.kind() == MessageSpec.Kind.REQUEST));
            }
        }
        return samples;
    }
}
