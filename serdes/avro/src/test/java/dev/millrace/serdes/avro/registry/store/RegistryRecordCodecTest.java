package dev.millrace.serdes.avro.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log's key/value JSON matches the layout of Confluent's {@code _schemas} topic byte for byte. */
class RegistryRecordCodecTest {
    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static StoreRecord record(String key, String value) {
        return new StoreRecord(key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeEachKindInConfluentLayout() {
        StoreRecord schema = RegistryRecordCodec.encode(new RegistryRecord.SchemaVersion("t-value", 3, 7, "\"int\"",
                false));
        assertThat(text(schema.key())).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":3,"
                + "\"magic\":1}");
        assertThat(text(schema.value())).isEqualTo("{\"subject\":\"t-value\",\"version\":3,\"id\":7,"
                + "\"schema\":\"\\\"int\\\"\",\"deleted\":false}");

        StoreRecord removed = RegistryRecordCodec.encode(new RegistryRecord.SchemaVersionRemoved("t-value", 3));
        assertThat(removed.key()).isEqualTo(schema.key());
        assertThat(removed.isTombstone()).isTrue();

        StoreRecord global = RegistryRecordCodec.encode(new RegistryRecord.Config(null, CompatibilityLevel.FULL));
        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        StoreRecord cleared = RegistryRecordCodec.encode(new RegistryRecord.Config("t-value", null));
        assertThat(text(cleared.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"t-value\",\"magic\":0}");
        assertThat(cleared.value()).isNull();

        StoreRecord deleted = RegistryRecordCodec.encode(new RegistryRecord.SubjectDeleted("t-value", 3));
        assertThat(text(deleted.key())).isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"t-value\","
                + "\"magic\":0}");
        assertThat(text(deleted.value())).isEqualTo("{\"subject\":\"t-value\",\"version\":3}");

        StoreRecord watermark = RegistryRecordCodec.encode(new RegistryRecord.IdWatermark(12));
        assertThat(text(watermark.key())).isEqualTo("{\"keytype\":\"ID_WATERMARK\",\"magic\":0}");
        assertThat(text(watermark.value())).isEqualTo("{\"maxId\":12}");
    }

    @Test
    void shouldDecodeWhatItEncodes() {
        List<RegistryRecord> records = List.of(
                new RegistryRecord.SchemaVersion("a/b c", 1, 1, "{\"type\":\"string\"}", true),
                new RegistryRecord.SchemaVersionRemoved("x", 2),
                new RegistryRecord.Config(null, CompatibilityLevel.NONE),
                new RegistryRecord.Config("x", CompatibilityLevel.FORWARD_TRANSITIVE),
                new RegistryRecord.Config("x", null),
                new RegistryRecord.SubjectDeleted("x", 9),
                new RegistryRecord.IdWatermark(44));
        for (RegistryRecord record : records) {
            assertThat(RegistryRecordCodec.decode(RegistryRecordCodec.encode(record))).as(record.toString())
                    .contains(record);
        }
    }

    @Test
    void shouldReadConfluentWrittenRecordsAndIgnoreUnknownKeyTypes() {
        StoreRecord confluent = record("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":100001,\"schemaType\":null,\"schema\":\"\\\"long\\\"\","
                        + "\"deleted\":false,\"metadata\":null}");
        assertThat(RegistryRecordCodec.decode(confluent))
                .contains(new RegistryRecord.SchemaVersion("s", 1, 100001, "\"long\"", false));
        assertThat(RegistryRecordCodec.decode(record("{\"keytype\":\"NOOP\",\"magic\":0}", null))).isEmpty();
        assertThat(RegistryRecordCodec.decode(record("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}",
                "{\"mode\":\"READWRITE\"}"))).isEmpty();
    }

    @Test
    void shouldRejectMalformedRecordsNamingTheRecord() {
        assertThatThrownBy(() -> RegistryRecordCodec.decode(record("{not json", null)))
                .isInstanceOf(SchemaStoreException.class).hasMessageContaining("reason=malformedRecordJson");
        assertThatThrownBy(() -> RegistryRecordCodec.decode(record("{\"keytype\":\"SCHEMA\",\"subject\":\"s\"}",
                null))).isInstanceOf(SchemaStoreException.class).hasMessageContaining("field=version");
        assertThatThrownBy(() -> RegistryRecordCodec.decode(record("{\"keytype\":\"CONFIG\",\"subject\":null}",
                "{\"compatibilityLevel\":\"SIDEWAYS\"}"))).isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("level=SIDEWAYS");
        assertThatThrownBy(() -> RegistryRecordCodec.decode(record("[1]", null)))
                .isInstanceOf(SchemaStoreException.class).hasMessageContaining("reason=recordNotAJsonObject");
    }

    @Test
    void shouldCompactToTheLatestRecordPerKeyDroppingTombstones() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        StoreRecord a1 = record("{\"k\":\"a\"}", "1");
        StoreRecord b1 = record("{\"k\":\"b\"}", "1");
        StoreRecord a2 = record("{\"k\":\"a\"}", "2");
        StoreRecord bGone = record("{\"k\":\"b\"}", null);
        StoreRecord c1 = record("{\"k\":\"c\"}", "1");
        for (StoreRecord r : List.of(a1, b1, a2, bGone, c1)) {
            store.append(r);
        }
        store.compact();
        assertThat(store.records()).containsExactly(a2, c1);
    }
}
