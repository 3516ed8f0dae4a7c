package dev.millrace.common.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordHeaders} against Apache Kafka's {@code RecordHeaders} (test scope): the same seeded
 * random sequences of adds, removes, look-ups and iterator removals must leave both with the same
 * headers in the same order and return the same answers. The seed can be replaced with
 * {@code -Dmillrace.seed=<long>}; every assertion message names it. Read-only mode and argument
 * checks are tested directly.
 */
class RecordHeadersTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x4EADE25L);
    private static final int RUNS = 300;
    private static final int STEPS = 60;
    private static final String[] KEYS = {"a", "b", "trace", "", "ü"};

    @Test
    void shouldBehaveLikeKafkaUnderRandomOperations() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            RecordHeaders ours = new RecordHeaders();
            org.apache.kafka.common.header.internals.RecordHeaders kafka =
                    new org.apache.kafka.common.header.internals.RecordHeaders();
            for (int step = 0; step < STEPS; step++) {
                String facts = "seed=" + SEED + " run=" + run + " step=" + step;
                applyRandomOperation(random, ours, kafka, facts);
                assertSameHeaders(ours, kafka, facts);
            }
        }
    }

    private static void applyRandomOperation(Random random, RecordHeaders ours,
            org.apache.kafka.common.header.internals.RecordHeaders kafka, String facts) {
        String key = KEYS[random.nextInt(KEYS.length)];
        byte[] value = random.nextInt(5) == 0 ? null : new byte[] {(byte) random.nextInt(4)};
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                ours.add(key, value);
                kafka.add(key, value);
            }
            case 2 -> {
                ours.add(new RecordHeader(key, value));
                kafka.add(new org.apache.kafka.common.header.internals.RecordHeader(key, value));
            }
            case 3 -> {
                ours.remove(key);
                kafka.remove(key);
            }
            case 4 -> {
                Header last = ours.lastHeader(key);
                org.apache.kafka.common.header.Header kafkaLast = kafka.lastHeader(key);
                assertThat(describe(last)).as(facts + " lastHeader key=" + key).isEqualTo(describe(kafkaLast));
                List<String> matching = new ArrayList<>();
                ours.headers(key).forEach(header -> matching.add(describe(header)));
                List<String> kafkaMatching = new ArrayList<>();
                kafka.headers(key).forEach(header -> kafkaMatching.add(describe(header)));
                assertThat(matching).as(facts + " headers key=" + key).isEqualTo(kafkaMatching);
            }
            default -> {
                int skip = random.nextInt(4);
                removeAtIterator(ours.iterator(), skip);
                removeAtIterator(kafka.iterator(), skip);
            }
        }
    }

    private static <H> void removeAtIterator(Iterator<H> iterator, int skip) {
        for (int i = 0; i <= skip; i++) {
            if (!iterator.hasNext()) {
                return;
            }
            iterator.next();
        }
        iterator.remove();
    }

    private static void assertSameHeaders(RecordHeaders ours,
            org.apache.kafka.common.header.internals.RecordHeaders kafka, String facts) {
        List<String> oursArray = new ArrayList<>();
        for (Header header : ours.toArray()) {
            oursArray.add(describe(header));
        }
        List<String> kafkaArray = new ArrayList<>();
        for (org.apache.kafka.common.header.Header header : kafka.toArray()) {
            kafkaArray.add(describe(header));
        }
        assertThat(oursArray).as(facts + " toArray").isEqualTo(kafkaArray);
        List<String> iterated = new ArrayList<>();
        ours.forEach(header -> iterated.add(describe(header)));
        assertThat(iterated).as(facts + " iterator").isEqualTo(oursArray);
    }

    private static String describe(Header header) {
        return header == null ? "none" : header.key() + "=" + describeValue(header.value());
    }

    private static String describe(org.apache.kafka.common.header.Header header) {
        return header == null ? "none" : header.key() + "=" + describeValue(header.value());
    }

    private static String describeValue(byte[] value) {
        return value == null ? "null" : java.util.Arrays.toString(value);
    }

    @Test
    void shouldRejectEveryMutationAfterSetReadOnly() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("k", new byte[] {1});
        Iterator<Header> iterator = headers.iterator();
        iterator.next();
        headers.setReadOnly();

        assertThat(headers.isReadOnly()).isTrue();
        assertThatThrownBy(() -> headers.add("k", null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("reason=headersReadOnly headerCount=1");
        assertThatThrownBy(() -> headers.add(new RecordHeader("k", null))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> headers.remove("k")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(iterator::remove).isInstanceOf(IllegalStateException.class);
        assertThat(headers.lastHeader("k")).isEqualTo(new RecordHeader("k", new byte[] {1}));
        assertThat(headers.toArray()).hasSize(1);
        assertThat(headers.headers("k")).hasSize(1);
    }

    @Test
    void shouldRejectNullHeadersWithNullPointerAndNullKeysWithIllegalArgument() {
        RecordHeaders headers = new RecordHeaders();

        assertThatThrownBy(() -> headers.add((Header) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason=nullHeader");
        assertThatThrownBy(() -> headers.add(null, new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> headers.remove(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason=nullHeaderKey");
        assertThatThrownBy(() -> headers.lastHeader(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.headers(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordHeaders(new Header[] {null})).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RecordHeaders(java.util.Collections.singletonList((Header) null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldCopyInitialHeadersInOrderAndTreatNullAsNone() {
        Header first = new RecordHeader("a", new byte[] {1});
        Header second = new RecordHeader("a", new byte[] {2});
        Header[] array = {first, second};
        RecordHeaders fromArray = new RecordHeaders(array);
        array[0] = second;
        RecordHeaders fromIterable = new RecordHeaders(List.of(first, second));

        assertThat(fromArray.toArray()).containsExactly(first, second);
        assertThat(fromIterable).isEqualTo(fromArray).hasSameHashCodeAs(fromArray);
        assertThat(fromArray.lastHeader("a")).isSameAs(second);
        assertThat(new RecordHeaders((Header[]) null).toArray()).isEmpty();
        assertThat(new RecordHeaders((Iterable<Header>) null).toArray()).isEmpty();
        assertThat(new RecordHeaders().lastHeader("a")).isNull();
        assertThat(new RecordHeaders().headers("a")).isEmpty();
    }

    @Test
    void shouldEvaluateHeadersByKeyLazilyAndReturnAFreshArrayEachTime() {
        RecordHeaders headers = new RecordHeaders();
        Iterable<Header> view = headers.headers("k");
        headers.add("k", new byte[] {1}).add("other", null).add("k", new byte[] {2});

        assertThat(view).extracting(Header::value).containsExactly(new byte[] {1}, new byte[] {2});
        Header[] array = headers.toArray();
        array[0] = null;
        assertThat(headers.toArray()[0]).isNotNull();
        assertThat(headers.toString()).startsWith("RecordHeaders(headers = [").endsWith(", isReadOnly = false)");
    }
}
