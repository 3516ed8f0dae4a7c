package dev.millrace.streams.kstream.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.AutoOffsetReset;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.Branched;
import dev.millrace.streams.kstream.Consumed;
import dev.millrace.streams.kstream.Grouped;
import dev.millrace.streams.kstream.Joined;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.Produced;
import dev.millrace.streams.kstream.Repartitioned;
import dev.millrace.streams.kstream.TableJoined;
import dev.millrace.streams.processor.WallclockTimestampExtractor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalsTest {

    private static final Serde<String> STRING = Serdes.String();

    /** Records every index the engine consumes. */
    private static final class CountingNames implements InternalNameProvider {
        final List<String> issued = new ArrayList<>();

        @Override
        public String newProcessorName(String prefix) {
            String name = prefix + String.format("%010d", issued.size());
            issued.add(name);
            return name;
        }

        @Override
        public String newStoreName(String prefix) {
            return newProcessorName(prefix);
        }
    }

    @Test
    void shouldBurnAnIndexEvenWhenTheUserNamedTheOperation() {
        CountingNames names = new CountingNames();

        assertThat(new NamedInternal(Named.as("mine")).orElseGenerateWithPrefix(names, "KSTREAM-MAP-"))
            .isEqualTo("mine");
        assertThat(NamedInternal.empty().orElseGenerateWithPrefix(names, "KSTREAM-MAP-"))
            .isEqualTo("KSTREAM-MAP-0000000001");
        assertThat(NamedInternal.with("j").suffixWithOrElseGet("-this", names, "KSTREAM-JOINTHIS-"))
            .isEqualTo("j-this");
        assertThat(NamedInternal.empty().suffixWithOrElseGet("-this", names, "KSTREAM-JOINTHIS-"))
            .isEqualTo("KSTREAM-JOINTHIS-0000000003");
        assertThat(names.issued).hasSize(4);
    }

    @Test
    void shouldSuffixWithoutBurningWhenGivenAFallback() {
        assertThat(NamedInternal.with("n").suffixWithOrElseGet("-x", "other")).isEqualTo("n-x");
        assertThat(NamedInternal.empty().suffixWithOrElseGet("-x", "other")).isEqualTo("other");
        assertThat(NamedInternal.empty().name()).isNull();
    }

    @Test
    void shouldRevalidateSuffixedNamesLikeKafka() {
        CountingNames names = new CountingNames();
        NamedInternal longName = NamedInternal.with("a".repeat(249));

        assertThatThrownBy(() -> longName.suffixWithOrElseGet("-suffix", names, "P-"))
            .isInstanceOf(TopologyException.class)
            .hasMessageStartingWith("Invalid topology: Name is illegal, it can't be longer than 249 characters");
        assertThat(names.issued).hasSize(1);
    }

    @Test
    void shouldExposeEveryOptionThroughTheInternalViews() {
        WallclockTimestampExtractor extractor = new WallclockTimestampExtractor();
        AutoOffsetReset latest = AutoOffsetReset.latest();
        ConsumedInternal<String, String> consumed = new ConsumedInternal<>(
            Consumed.with(STRING, STRING, extractor, latest).withName("source"));
        assertThat(consumed.keySerde()).isSameAs(STRING);
        assertThat(consumed.keyDeserializer()).isNotNull();
        assertThat(consumed.valueDeserializer()).isNotNull();
        assertThat(consumed.timestampExtractor()).isSameAs(extractor);
        assertThat(consumed.offsetResetPolicy()).isSameAs(latest);
        assertThat(consumed.name()).isEqualTo("source");
        assertThat(new ConsumedInternal<>(Consumed.<String, String>as("x")).keyDeserializer()).isNull();

        ProducedInternal<String, String> produced = new ProducedInternal<>(Produced.<String, String>as("sink"));
        assertThat(produced.name()).isEqualTo("sink");
        assertThat(produced.streamPartitioner()).isNull();

        GroupedInternal<String, String> grouped = new GroupedInternal<>(Grouped.with("g", STRING, null));
        assertThat(grouped.name()).isEqualTo("g");
        assertThat(grouped.keySerde()).isSameAs(STRING);
        assertThat(grouped.valueSerde()).isNull();

        RepartitionedInternal<String, String> repartitioned =
            new RepartitionedInternal<>(Repartitioned.<String, String>as("r").withNumberOfPartitions(2));
        assertThat(repartitioned.name()).isEqualTo("r");
        assertThat(repartitioned.numberOfPartitions()).isEqualTo(2);

        JoinedInternal<String, String, Long> joined = new JoinedInternal<>(
            Joined.with(STRING, STRING, Serdes.Long(), "j", Duration.ofSeconds(3)));
        assertThat(joined.keySerde()).isSameAs(STRING);
        assertThat(joined.leftValueSerde()).isSameAs(STRING);
        assertThat(joined.rightValueSerde()).isNotNull();
        assertThat(joined.gracePeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(joined.name()).isEqualTo("j");

        TableJoinedInternal<String, Long> tableJoined = new TableJoinedInternal<>(TableJoined.as("fk"));
        assertThat(tableJoined.name()).isEqualTo("fk");
        assertThat(tableJoined.partitioner()).isNull();
        assertThat(tableJoined.otherPartitioner()).isNull();

        BranchedInternal<String, String> branched = new BranchedInternal<>(Branched.as("b"));
        assertThat(branched.name()).isEqualTo("b");
        assertThat(branched.chainFunction()).isNull();
        assertThat(BranchedInternal.<String, String>empty().name()).isNull();
    }
}
