package dev.millrace.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The APIs and version ranges that kafka-protocol.md section 3.4 asks for (producers, consumers,
 * admin clients, transactions, Kafka Streams EOS v2, kcat/librdkafka 2.0.2, kafkajs 2.2, and the
 * inter-broker data APIs) are all covered by the codecs.
 */
class ApiCoverageTest {
    /** api key -> {lowest, highest} version the codecs must cover. */
    private static final Map<Integer, int[]> REQUIRED = Map.ofEntries(
            Map.entry(0, new int[] {3, 13}), Map.entry(1, new int[] {4, 17}), Map.entry(2, new int[] {1, 10}),
            Map.entry(3, new int[] {0, 13}), Map.entry(8, new int[] {2, 9}), Map.entry(9, new int[] {1, 9}),
            Map.entry(10, new int[] {0, 6}), Map.entry(11, new int[] {0, 9}), Map.entry(12, new int[] {0, 4}),
            Map.entry(13, new int[] {0, 5}), Map.entry(14, new int[] {0, 5}), Map.entry(15, new int[] {0, 6}),
            Map.entry(16, new int[] {0, 5}), Map.entry(17, new int[] {0, 1}), Map.entry(18, new int[] {0, 4}),
            Map.entry(19, new int[] {2, 7}), Map.entry(20, new int[] {1, 6}), Map.entry(21, new int[] {0, 2}),
            Map.entry(22, new int[] {0, 5}), Map.entry(23, new int[] {2, 4}), Map.entry(24, new int[] {0, 5}),
            Map.entry(25, new int[] {0, 4}), Map.entry(26, new int[] {0, 5}), Map.entry(27, new int[] {1, 1}),
            Map.entry(28, new int[] {0, 5}), Map.entry(29, new int[] {1, 3}), Map.entry(30, new int[] {1, 3}),
            Map.entry(31, new int[] {1, 3}), Map.entry(32, new int[] {1, 4}), Map.entry(33, new int[] {0, 2}),
            Map.entry(35, new int[] {1, 4}), Map.entry(36, new int[] {0, 2}), Map.entry(37, new int[] {0, 3}),
            Map.entry(42, new int[] {0, 2}), Map.entry(44, new int[] {0, 1}), Map.entry(47, new int[] {0, 0}),
            Map.entry(60, new int[] {0, 2}), Map.entry(61, new int[] {0, 0}), Map.entry(65, new int[] {0, 0}),
            Map.entry(66, new int[] {0, 1}), Map.entry(68, new int[] {0, 1}), Map.entry(69, new int[] {0, 1}),
            Map.entry(75, new int[] {0, 0}));

    @Test
    void shouldCoverEveryRequiredApiOverItsVersionRange() {
        for (Map.Entry<Integer, int[]> required : REQUIRED.entrySet()) {
            ApiMessageType api = ApiMessageType.fromApiKey(required.getKey().shortValue());
            assertThat((int) api.lowestSupportedVersion()).as(api.apiName() + " lowest")
                    .isLessThanOrEqualTo(required.getValue()[0]);
            assertThat((int) api.highestSupportedVersion()).as(api.apiName() + " highest")
                    .isGreaterThanOrEqualTo(required.getValue()[1]);
        }
    }

    @Test
    void shouldUseResponseHeaderV0ForApiVersionsOnly() {
        assertThat(ApiMessageType.API_VERSIONS.responseHeaderVersion((short) 4)).isZero();
        assertThat(ApiMessageType.API_VERSIONS.requestHeaderVersion((short) 3)).isEqualTo((short) 2);
        assertThat(ApiMessageType.API_VERSIONS.requestHeaderVersion((short) 2)).isEqualTo((short) 1);
    }
}
