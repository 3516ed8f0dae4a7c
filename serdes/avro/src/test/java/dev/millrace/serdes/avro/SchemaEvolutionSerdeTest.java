package dev.millrace.serdes.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.serdes.avro.registry.LocalSchemaRegistryClient;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import dev.millrace.serdes.avro.testrecords.User;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Writer/reader schema resolution through the serdes: data written with an old schema is read by an
 * evolved reader (field added with default, field removed, field renamed via alias), through a given
 * reader schema, through the generated class, and through {@code use.latest.version}; and the reverse
 * direction (old reader, new data).
 */
class SchemaEvolutionSerdeTest {
    private final LocalSchemaRegistryClient client =
            new LocalSchemaRegistryClient(new SchemaRegistry(new InMemorySchemaStore()));

    private static GenericRecord userV1(String name, int age) {
        GenericRecord user = new GenericData.Record(TestSchemas.parse(TestSchemas.USER_V1));
        user.put("name", name);
        user.put("age", age);
        return user;
    }

    private byte[] writeV1(String topic, String name, int age) {
        AvroSerializer serializer = new AvroSerializer(client, Map.of(), false);
        return serializer.serialize(topic, userV1(name, age));
    }

    @Test
    void shouldReadOldDataIntoTheEvolvedGeneratedClass() {
        byte[] old = writeV1("users", "Ada Lovelace", 36);
        try (SpecificAvroSerde<User> serde = new SpecificAvroSerde<>(client)) {
            serde.configure(Map.of(), false);
            User user = serde.deserializer().deserialize("users", old);
            // name -> fullName by alias, age dropped, email from its default.
            assertThat(user.getFullName()).isEqualTo("Ada Lovelace");
            assertThat(user.getEmail()).isEqualTo("unknown@example.com");
        }
    }

    @Test
    void shouldResolveEachEvolutionCaseIntoAGivenReaderSchema() {
        byte[] old = writeV1("users", "Grace", 85);
        GenericRecord added = read(old, TestSchemas.USER_ADDED_WITH_DEFAULT);
        assertThat(added.get("name")).hasToString("Grace");
        assertThat(added.get("age")).isEqualTo(85);
        assertThat(added.get("email")).hasToString("unknown@example.com");

        GenericRecord removed = read(old, TestSchemas.USER_REMOVED_AGE);
        assertThat(removed.getSchema().getFields()).hasSize(1);
        assertThat(removed.get("name")).hasToString("Grace");

        GenericRecord renamed = read(old, TestSchemas.USER_RENAMED_VIA_ALIAS);
        assertThat(renamed.get("fullName")).hasToString("Grace");
        assertThat(renamed.get("age")).isEqualTo(85);
    }

    @Test
    void shouldLetAnOldReaderReadNewDataByIgnoringTheNewField() {
        GenericRecord v2 = new GenericData.Record(TestSchemas.parse(TestSchemas.USER_ADDED_WITH_DEFAULT));
        v2.put("name", "Linus");
        v2.put("age", 54);
        v2.put("email", "linus@example.com");
        byte[] bytes = new AvroSerializer(client, Map.of(), false).serialize("users", v2);
        GenericRecord old = read(bytes, TestSchemas.USER_V1);
        assertThat(old.getSchema().getField("email")).isNull();
        assertThat(old.get("name")).hasToString("Linus");
    }

    @Test
    void shouldFailWithTheLocationWhenTheReaderCannotResolveTheWriter() {
        byte[] old = writeV1("users", "Ada", 36);
        AvroDeserializer deserializer = new AvroDeserializer(client,
                TestSchemas.parse(TestSchemas.USER_ADDED_WITHOUT_DEFAULT));
        deserializer.configure(Map.of(), false);
        assertThatThrownBy(() -> deserializer.deserialize(new RecordLocation("users", 4, 99L), null, old))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=avroReadFailed topic=users partition=4 offset=99 schemaId=1")
                .hasMessageContaining("email");
    }

    @Test
    void shouldReadIntoTheLatestVersionWhenTheDeserializerUsesLatest() {
        byte[] old = writeV1("users", "Barbara", 79);
        client.register("users-value", TestSchemas.parse(TestSchemas.USER_ADDED_WITH_DEFAULT));
        AvroDeserializer latest = new AvroDeserializer(client);
        latest.configure(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        GenericRecord user = (GenericRecord) latest.deserialize("users", old);
        assertThat(user.get("email")).hasToString("unknown@example.com");
        assertThat(user.get("name")).hasToString("Barbara");
    }

    @Test
    void shouldWriteWithTheLatestVersionConvertingAnOlderValue() {
        Schema latestSchema = TestSchemas.parse(TestSchemas.USER_ADDED_WITH_DEFAULT);
        client.register("users-value", TestSchemas.parse(TestSchemas.USER_V1));
        int latestId = client.register("users-value", latestSchema);
        AvroSerializer serializer = new AvroSerializer(client, Map.of(AvroSerdeConfig.USE_LATEST_VERSION, "true",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        byte[] bytes = serializer.serialize("users", userV1("Edsger", 72));
        GenericRecord expected = new GenericData.Record(latestSchema);
        expected.put("name", "Edsger");
        expected.put("age", 72);
        expected.put("email", "unknown@example.com");
        assertThat(bytes).isEqualTo(AvroTestData.confluentFrame(latestId,
                AvroTestData.avroBinary(latestSchema, expected)));
        assertThat(client.getAllVersions("users-value")).containsExactly(1, 2);
    }

    @Test
    void shouldRejectAValueTheLatestVersionCannotRead() {
        client.register("users-value", TestSchemas.parse(TestSchemas.USER_ADDED_WITH_DEFAULT));
        AvroSerializer serializer = new AvroSerializer(client, Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true),
                false);
        GenericRecord payment = new GenericData.Record(TestSchemas.parse(TestSchemas.PAYMENT));
        payment.put("id", "p1");
        payment.put("amount", 1.0);
        assertThatThrownBy(() -> serializer.serialize("users", payment)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("reason=valueSchemaNotReadableByLatest topic=users subject=users-value");
    }

    private GenericRecord read(byte[] bytes, String readerSchema) {
        AvroDeserializer deserializer = new AvroDeserializer(client, TestSchemas.parse(readerSchema));
        deserializer.configure(Map.of(), false);
        return (GenericRecord) deserializer.deserialize("users", bytes);
    }
}
