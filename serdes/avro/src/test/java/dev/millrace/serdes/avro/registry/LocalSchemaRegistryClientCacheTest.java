package dev.millrace.serdes.avro.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The in-process client caches the id it found for a (subject, schema) pair, but its answers must stay
 * exactly the registry's: deletes made behind its back (directly on the registry, as the REST service
 * does) and schemas that Avro considers equal while the registry does not are not answered from the cache.
 */
class LocalSchemaRegistryClientCacheTest {
    private static final String SUBJECT = "clicks-value";
    private static final String CLICK = "{\"type\":\"record\",\"name\":\"Click\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"url\",\"type\":\"string\"}]}";
    private static final String CLICK_WITH_DOC = "{\"type\":\"record\",\"name\":\"Click\",\"namespace\":\"test\","
            + "\"doc\":\"A click.\",\"fields\":[{\"name\":\"url\",\"type\":\"string\"}]}";

    private final SchemaRegistry registry = new SchemaRegistry(new InMemorySchemaStore());
    private final LocalSchemaRegistryClient client = new LocalSchemaRegistryClient(registry);

    @Test
    void shouldRegisterAgainAfterTheSubjectWasDeletedDirectlyOnTheRegistry() {
        Schema click = new Schema.Parser().parse(CLICK);
        int id = client.register(SUBJECT, click);
        registry.deleteSubject(SUBJECT, false);

        assertThat(client.register(SUBJECT, click)).isEqualTo(id);

        assertThat(registry.versions(SUBJECT, false)).containsExactly(2);
    }

    @Test
    void shouldNotFindAnIdAfterItsVersionWasDeletedDirectlyOnTheRegistry() {
        Schema click = new Schema.Parser().parse(CLICK);
        client.register(SUBJECT, click);
        assertThat(client.getId(SUBJECT, click)).isEqualTo(1);
        registry.deleteVersion(SUBJECT, 1, false);

        assertThatThrownBy(() -> client.getId(SUBJECT, click)).isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode())
                        .isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void shouldGiveSchemasThatDifferOnlyInDocTheRegistrysIds() {
        Schema plain = new Schema.Parser().parse(CLICK);
        Schema documented = new Schema.Parser().parse(CLICK_WITH_DOC);
        int plainId = client.register(SUBJECT, plain);

        int documentedId = client.register(SUBJECT, documented);

        assertThat(documentedId).isEqualTo(registry.lookup(SUBJECT, documented.toString(), false).id());
        assertThat(client.register(SUBJECT, plain)).isEqualTo(plainId);
    }

    @Test
    void shouldAnswerARepeatedRegisterWithTheSameId() {
        Schema click = new Schema.Parser().parse(CLICK);
        int first = client.register(SUBJECT, click);

        for (int i = 0; i < 3; i++) {
            assertThat(client.register(SUBJECT, click)).as("repeat=%d", i).isEqualTo(first);
            assertThat(client.getId(SUBJECT, click)).as("repeat=%d", i).isEqualTo(first);
        }
        assertThat(registry.versions(SUBJECT, false)).containsExactly(1);
    }
}
