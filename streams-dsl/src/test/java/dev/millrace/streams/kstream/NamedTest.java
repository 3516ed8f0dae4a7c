package dev.millrace.streams.kstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.streams.errors.TopologyException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamedTest {

    private static final long SEED = Long.getLong("millrace.seed", 20261125L);
    private static final String ALPHABET = "abcXYZ019._-$ /\u00e9:";

    @Test
    void shouldRejectNullNameLikeKafka() {
        assertThatThrownBy(() -> Named.as(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("name cannot be null");
        assertThatThrownBy(() -> Named.as("a").withName(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("name cannot be null");
    }

    @Test
    void shouldReturnNewInstanceFromWithName() {
        Named first = Named.as("first");

        assertThat(first.withName("second")).isNotSameAs(first);
        assertThat(first.name).isEqualTo("first");
    }

    @Test
    void shouldValidateFixedNamesExactlyLikeKafka() {
        String[] names = {"", ".", "..", "...", "a", "a.b_c-D9", "a b", "x".repeat(249), "x".repeat(250), "é", "a/b"};
        for (String name : names) {
            assertThat(outcome(name)).as("name=%s", name).isEqualTo(kafkaOutcome(name));
        }
    }

    @Test
    void shouldValidateRandomNamesExactlyLikeKafka() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            int length = random.nextInt(6) == 0 ? 245 + random.nextInt(10) : random.nextInt(8);
            StringBuilder name = new StringBuilder();
            for (int j = 0; j < length; j++) {
                boolean legalOnly = random.nextInt(4) != 0;
                int bound = legalOnly ? 9 : ALPHABET.length();
                name.append(ALPHABET.charAt(random.nextInt(bound)));
            }
            assertThat(outcome(name.toString())).as("seed=%d name=%s", SEED, name)
                .isEqualTo(kafkaOutcome(name.toString()));
        }
    }

    private static String outcome(String name) {
        try {
            return "ok:" + Named.as(name).name;
        } catch (TopologyException e) {
            return "fail:" + e.getMessage();
        }
    }

    private static String kafkaOutcome(String name) {
        try {
            org.apache.kafka.streams.kstream.Named.as(name);
            return "ok:" + name;
        } catch (org.apache.kafka.streams.errors.TopologyException e) {
            return "fail:" + e.getMessage();
        }
    }
}
