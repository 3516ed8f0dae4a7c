package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.serdes.avro.registry.LocalSchemaRegistryClient;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import dev.millrace.serdes.avro.testrecords.Order;
import dev.millrace.untrusted.Secret;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to the deserializers: wrong magic byte, unknown schema id, values shorter than the
 * header, every truncation of valid values, trailing bytes and random corruption all end in a
 * {@link SerializationException} naming the topic (and partition and offset when the caller passed
 * them), never in another exception. Seed: {@code -Dmillrace.seed}.
 */
class AvroDeserializerBadInputTest {
    private static final long DEFAULT_SEED = 0xBAD1L;
    private final LocalSchemaRegistryClient client =
            new LocalSchemaRegistryClient(new SchemaRegistry(new InMemorySchemaStore()));
    private AvroSerializer serializer;
    private AvroDeserializer deserializer;
    private SpecificAvroSerde<Order> specific;

    @BeforeEach
    void configure() {
        serializer = new AvroSerializer(client, Map.of(), false);
        deserializer = new AvroDeserializer(client);
        deserializer.configure(Map.of(), false);
        specific = new SpecificAvroSerde<>(client);
        specific.configure(Map.of(), false);
    }

    @Test
    void shouldRejectAWrongMagicByteNamingTopicPartitionAndOffset() {
        byte[] bytes = serializer.serialize("orders", AvroTestData.randomOrder(new Random(1)));
        bytes[0] = 7;
        assertThatThrownBy(() -> deserializer.deserialize(new RecordLocation("orders", 2, 1234L), null, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=unknownMagicByte topic=orders partition=2 offset=1234 magicByte=7");
        assertThatThrownBy(() -> specific.deserializer().deserialize("orders", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=unknownMagicByte topic=orders magicByte=7")
                .hasMessageNotContaining("partition=");
    }

    @Test
    void shouldRejectAnUnknownSchemaIdWithTheRegistrysCode() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2};
        assertThatThrownBy(() -> deserializer.deserialize(new RecordLocation("orders", 0, 5L), null, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=unknownSchemaId topic=orders partition=0 offset=5 schemaId=12345")
                .hasMessageContaining("httpStatus=404 errorCode=40403");
    }

    @Test
    void shouldRejectEveryTruncationOfValidValues() {
        long seed = TestSchemas.seed("truncation", DEFAULT_SEED);
        Random random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            byte[] bytes = serializer.serialize("orders", AvroTestData.randomOrder(random));
            for (int length = 0; length < bytes.length; length++) {
                byte[] truncated = Arrays.copyOf(bytes, length);
                String facts = "seed=" + seed + " i=" + i + " length=" + length;
                assertThatThrownBy(() -> deserializer.deserialize("orders", truncated)).as(facts)
                        .isInstanceOf(SerializationException.class).hasMessageContaining("topic=orders");
                assertThatThrownBy(() -> specific.deserializer().deserialize("orders", truncated)).as(facts)
                        .isInstanceOf(SerializationException.class).hasMessageContaining("topic=orders");
            }
        }
        assertThatThrownBy(() -> deserializer.deserialize("orders", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reason=tooShortForHeader");
    }

    @Test
    void shouldRejectTrailingBytes() {
        byte[] bytes = serializer.serialize("orders", AvroTestData.randomOrder(new Random(2)));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> deserializer.deserialize("orders", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reason=trailingBytes topic=orders");
    }

    @Test
    void shouldEndRandomCorruptionInDecodedValuesOrSerializationExceptionsOnly() {
        long seed = TestSchemas.seed("corruption", DEFAULT_SEED);
        Random random = new Random(seed);
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = serializer.serialize("orders", AvroTestData.randomOrder(random));
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = WireFormat.HEADER_SIZE + random.nextInt(bytes.length - WireFormat.HEADER_SIZE);
                bytes[at] = (byte) random.nextInt(256);
            }
            try {
                specific.deserializer().deserialize("orders", bytes);
            } catch (SerializationException expected) {
                rejected++;
                assertThat(expected).hasMessageContaining("topic=orders");
            } catch (RuntimeException | Error unexpected) {
                throw new AssertionError("seed=" + seed + " i=" + i + " bytes=" + HexFormat.of().formatHex(bytes),
                        unexpected);
            }
        }
        assertThat(rejected).as("some corruptions must be detected, seed=" + seed).isPositive();
    }

    @Test
    void shouldRejectDataOfARecordWithoutAGeneratedClass() {
        byte[] bytes = serializer.serialize("payments", AvroTestData.payment());
        assertThatThrownBy(() -> specific.deserializer().deserialize("payments", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=specificClassNotFound topic=payments recordName=acme.Payment");
        byte[] primitive = serializer.serialize("numbers", 5L);
        assertThatThrownBy(() -> specific.deserializer().deserialize("numbers", primitive))
                .isInstanceOf(SerializationException.class).hasMessageContaining("reason=notARecordSchema");
    }

    @Test
    void shouldRejectClassesFromPackagesAvroDoesNotTrust() {
        try (SpecificAvroSerde<Secret> secrets = new SpecificAvroSerde<>(client)) {
            secrets.configure(Map.of(), false);
            byte[] bytes = secrets.serializer().serialize("secrets", Secret.newBuilder().setValue("x").build());
            assertThatThrownBy(() -> secrets.deserializer().deserialize("secrets", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("reason=classNotTrusted topic=secrets")
                    .hasMessageContaining("recordName=dev.millrace.untrusted.Secret")
                    .hasMessageContaining("org.apache.avro.SERIALIZABLE_PACKAGES");
        }
    }

    @Test
    void shouldRefuseToWorkBeforeConfigure() {
        assertThatThrownBy(() -> new AvroDeserializer(client).deserialize("t", new byte[] {0, 0, 0, 0, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reason=deserializerNotConfigured");
        assertThatThrownBy(() -> new AvroSerializer(client).serialize("t", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reason=serializerNotConfigured");
    }
}
