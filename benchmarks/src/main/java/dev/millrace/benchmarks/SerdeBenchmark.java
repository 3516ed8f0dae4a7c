package dev.millrace.benchmarks;

import dev.millrace.benchmarks.avro.Device;
import dev.millrace.benchmarks.avro.EventKind;
import dev.millrace.benchmarks.avro.PageView;
import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.serdes.avro.SpecificAvroSerde;
import dev.millrace.serdes.avro.WireFormat;
import dev.millrace.serdes.avro.registry.MockSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Serializes and deserializes one value per operation with Millrace's serdes and with the baseline each
 * is judged against (issue M4), in the same run and on the same values.
 *
 * <ul>
 *   <li><b>Avro specific</b>: our {@link SpecificAvroSerde} (Confluent wire format, {@code mock://} registry,
 *   {@code auto.register.schemas=true} as a Confluent user would leave it; the schema is registered by the
 *   first serialize in setup) against plain Avro: a {@link SpecificDatumWriter} with a reused
 *   {@link BinaryEncoder} over a reused {@link ByteArrayOutputStream}, and a {@link SpecificDatumReader} with
 *   a reused {@link BinaryDecoder}. Both sides produce a fresh {@code byte[]} and read into a fresh record, as
 *   a Kafka serializer and deserializer must. The serde additionally writes and checks the five-byte header
 *   and finds the writer schema and the reader by id: that overhead is what the comparison measures.</li>
 *   <li><b>String and Long</b>: our {@code Serdes.String()} / {@code Serdes.Long()} against Apache Kafka's
 *   {@code org.apache.kafka.common.serialization.Serdes.String()} / {@code Long()}; strings of about 20 and
 *   200 characters, pure ASCII and mixed (Latin-1 letters, CJK, symbols).</li>
 * </ul>
 *
 * <p>Setup checks that both sides of each pair produce the same bytes (for Avro: our bytes after the header
 * equal plain Avro's) and read back an equal value, and fails the trial otherwise. The generated record
 * classes live in {@code dev.millrace.benchmarks.avro}, which the fork trusts through Avro's
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}. Results and the command line are in
 * {@code benchmarks/RESULTS.md}. All state is per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.millrace.benchmarks.avro")
public class SerdeBenchmark {
    static final String TOPIC = "page-views";

    @Benchmark
    public void avroSpecificMillrace(AvroState state, Blackhole blackhole) {
        byte[] bytes = state.serializer.serialize(TOPIC, state.record);
        blackhole.consume(state.deserializer.deserialize(TOPIC, bytes));
    }

    @Benchmark
    public void avroSpecificRaw(AvroState state, Blackhole blackhole) {
        byte[] bytes = state.rawWrite(state.record);
        blackhole.consume(state.rawRead(bytes));
    }

    @Benchmark
    public byte[] avroSerializeMillrace(AvroState state) {
        return state.serializer.serialize(TOPIC, state.record);
    }

    @Benchmark
    public byte[] avroSerializeRaw(AvroState state) {
        return state.rawWrite(state.record);
    }

    @Benchmark
    public PageView avroDeserializeMillrace(AvroState state) {
        return state.deserializer.deserialize(TOPIC, state.serialized);
    }

    @Benchmark
    public PageView avroDeserializeRaw(AvroState state) {
        return state.rawRead(state.rawSerialized);
    }

    @Benchmark
    public void stringMillrace(StringState state, Blackhole blackhole) {
        byte[] bytes = state.ourSerializer.serialize(TOPIC, state.value);
        blackhole.consume(state.ourDeserializer.deserialize(TOPIC, bytes));
    }

    @Benchmark
    public void stringKafka(StringState state, Blackhole blackhole) {
        byte[] bytes = state.kafkaSerializer.serialize(TOPIC, state.value);
        blackhole.consume(state.kafkaDeserializer.deserialize(TOPIC, bytes));
    }

    @Benchmark
    public void longMillrace(LongState state, Blackhole blackhole) {
        byte[] bytes = state.ourSerializer.serialize(TOPIC, state.value);
        blackhole.consume(state.ourDeserializer.deserialize(TOPIC, bytes));
    }

    @Benchmark
    public void longKafka(LongState state, Blackhole blackhole) {
        byte[] bytes = state.kafkaSerializer.serialize(TOPIC, state.value);
        blackhole.consume(state.kafkaDeserializer.deserialize(TOPIC, bytes));
    }

    /** The page view every Avro benchmark writes: 11 fields, a nested record, an enum, an array, unions. */
    static PageView pageView() {
        Device device = Device.newBuilder().setOs("Android 15").setBrowser("Chrome 131")
                .setScreenWidth(1080).setScreenHeight(2400).build();
        return PageView.newBuilder()
                .setEventId("3f2b8c1e-5d4a-4e7b-9c0f-1a2b3c4d5e6f")
                .setTimestamp(1_767_225_600_123L)
                .setUserId(48_213_977L)
                .setSessionId("s-7f3a9c2e51b04d88")
                .setUrl("https://shop.example.com/catalog/shoes/running/trail-runner-2?color=blue&size=44")
                .setReferrer("https://www.example.org/search?q=trail+running+shoes")
                .setKind(EventKind.CLICK)
                .setDurationMs(1834)
                .setDevice(device)
                .setTags(List.of("campaign:winter-sale", "ab:checkout-v2", "locale:de-DE"))
                .setRevenue(null)
                .build();
    }

    /**
     * Our Avro serde and plain Avro over the same record. The registry scope is private to the trial and
     * dropped at its end.
     */
    @State(Scope.Thread)
    public static class AvroState {
        private static final String SCOPE = "serde-benchmark";

        PageView record;
        Serializer<PageView> serializer;
        Deserializer<PageView> deserializer;
        byte[] serialized;
        byte[] rawSerialized;
        private SpecificAvroSerde<PageView> serde;
        private final SpecificDatumWriter<PageView> rawWriter = new SpecificDatumWriter<>(PageView.class);
        private final SpecificDatumReader<PageView> rawReader = new SpecificDatumReader<>(PageView.class);
        private final ByteArrayOutputStream rawOut = new ByteArrayOutputStream(256);
        private BinaryEncoder rawEncoder;
        private BinaryDecoder rawDecoder;

        @Setup(Level.Trial)
        public void setUp() {
            record = pageView();
            serde = new SpecificAvroSerde<>();
            serde.configure(Map.of("schema.registry.url", MockSchemaRegistry.MOCK_URL_PREFIX + SCOPE,
                    "auto.register.schemas", "true"), false);
            serializer = serde.serializer();
            deserializer = serde.deserializer();
            serialized = serializer.serialize(TOPIC, record);
            rawSerialized = rawWrite(record);
            byte[] body = Arrays.copyOfRange(serialized, WireFormat.HEADER_SIZE, serialized.length);
            if (serialized[0] != WireFormat.MAGIC_BYTE || !Arrays.equals(body, rawSerialized)) {
                throw new IllegalStateException("reason=avroBytesDiffer serdeLength=" + serialized.length
                        + " rawLength=" + rawSerialized.length);
            }
            if (!record.equals(deserializer.deserialize(TOPIC, serialized)) || !record.equals(rawRead(rawSerialized))) {
                throw new IllegalStateException("reason=avroRoundTripDiffers record=" + record);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            serde.close();
            MockSchemaRegistry.dropScope(SCOPE);
        }

        byte[] rawWrite(PageView value) {
            rawOut.reset();
            rawEncoder = EncoderFactory.get().binaryEncoder(rawOut, rawEncoder);
            try {
                rawWriter.write(value, rawEncoder);
                rawEncoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rawOut.toByteArray();
        }

        PageView rawRead(byte[] bytes) {
            rawDecoder = DecoderFactory.get().binaryDecoder(bytes, rawDecoder);
            try {
                return rawReader.read(null, rawDecoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Our String serde and Kafka's over the same text. */
    @State(Scope.Thread)
    public static class StringState {
        private static final String ASCII = "The quick brown fox jumps over the lazy dog; 0123456789. ";
        private static final String MIXED = "Grüße aus Köln, 東京と서울 — ½ € ✓ naïve café. ";

        /** Which text: {@code ascii-N} or {@code mixed-N}, N characters long. */
        @Param({"ascii-20", "ascii-200", "mixed-20", "mixed-200"})
        public String text;

        String value;
        Serializer<String> ourSerializer;
        Deserializer<String> ourDeserializer;
        org.apache.kafka.common.serialization.Serializer<String> kafkaSerializer;
        org.apache.kafka.common.serialization.Deserializer<String> kafkaDeserializer;

        @Setup(Level.Trial)
        public void setUp() {
            int dash = text.indexOf('-');
            String pattern = text.startsWith("ascii") ? ASCII : MIXED;
            int length = Integer.parseInt(text.substring(dash + 1));
            value = pattern.repeat(length / pattern.length() + 1).substring(0, length);
            ourSerializer = Serdes.String().serializer();
            ourDeserializer = Serdes.String().deserializer();
            kafkaSerializer = org.apache.kafka.common.serialization.Serdes.String().serializer();
            kafkaDeserializer = org.apache.kafka.common.serialization.Serdes.String().deserializer();
            byte[] ours = ourSerializer.serialize(TOPIC, value);
            byte[] kafka = kafkaSerializer.serialize(TOPIC, value);
            if (!Arrays.equals(ours, kafka) || !value.equals(ourDeserializer.deserialize(TOPIC, kafka))
                    || !value.equals(kafkaDeserializer.deserialize(TOPIC, ours))) {
                throw new IllegalStateException("reason=stringBytesDiffer text=" + text);
            }
        }
    }

    /** Our Long serde and Kafka's over the same (boxed, non-cached) value. */
    @State(Scope.Thread)
    public static class LongState {
        Long value;
        Serializer<Long> ourSerializer;
        Deserializer<Long> ourDeserializer;
        org.apache.kafka.common.serialization.Serializer<Long> kafkaSerializer;
        org.apache.kafka.common.serialization.Deserializer<Long> kafkaDeserializer;

        @Setup(Level.Trial)
        public void setUp() {
            value = 1_767_225_600_123L;
            ourSerializer = Serdes.Long().serializer();
            ourDeserializer = Serdes.Long().deserializer();
            kafkaSerializer = org.apache.kafka.common.serialization.Serdes.Long().serializer();
            kafkaDeserializer = org.apache.kafka.common.serialization.Serdes.Long().deserializer();
            byte[] ours = ourSerializer.serialize(TOPIC, value);
            byte[] kafka = kafkaSerializer.serialize(TOPIC, value);
            if (!Arrays.equals(ours, kafka) || !value.equals(ourDeserializer.deserialize(TOPIC, kafka))
                    || !value.equals(kafkaDeserializer.deserialize(TOPIC, ours))) {
                throw new IllegalStateException("reason=longBytesDiffer value=" + value);
            }
        }
    }
}
