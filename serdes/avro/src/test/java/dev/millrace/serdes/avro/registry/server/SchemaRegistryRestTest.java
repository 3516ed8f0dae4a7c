package dev.millrace.serdes.avro.registry.server;

import static dev.millrace.serdes.avro.TestSchemas.PAYMENT;
import static dev.millrace.serdes.avro.TestSchemas.USER_ADDED_WITHOUT_DEFAULT;
import static dev.millrace.serdes.avro.TestSchemas.USER_ADDED_WITH_DEFAULT;
import static dev.millrace.serdes.avro.TestSchemas.USER_AGE_AS_STRING;
import static dev.millrace.serdes.avro.TestSchemas.USER_REMOVED_AGE;
import static dev.millrace.serdes.avro.TestSchemas.USER_RENAMED_VIA_ALIAS;
import static dev.millrace.serdes.avro.TestSchemas.USER_V1;
import static dev.millrace.serdes.avro.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.RegistryHttp;
import dev.millrace.serdes.avro.registry.RegistryHttp.Response;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's REST API through a plain {@code java.net.http} client: registration, lookups, ids,
 * the schema evolution cases (added field with default, removed field, rename via alias, incompatible
 * change rejected with 409 naming the field), compatibility levels and the compatibility endpoint.
 * Error codes and deletes are in {@link SchemaRegistryRestErrorsTest}.
 */
class SchemaRegistryRestTest {
    private SchemaRegistryServer server;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start(Map.of(SchemaRegistryServerConfig.LISTENERS, "http://127.0.0.1:0"),
                new InMemorySchemaStore());
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterAndServeVersionsIdsAndSubjects() {
        Response registered = http.register("users-value", USER_V1);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo(RegistryHttp.MEDIA_TYPE);
        int id = registered.json().get("id").asInt();
        String stored = TestSchemas.parse(USER_V1).toString();

        assertThat(http.get("/subjects").json()).hasToString("[\"users-value\"]");
        assertThat(http.get("/subjects/users-value/versions").json()).hasToString("[1]");
        Response latest = http.get("/subjects/users-value/versions/latest");
        assertThat(latest.json()).hasToString("{\"subject\":\"users-value\",\"version\":1,\"id\":" + id
                + ",\"schema\":" + RegistryHttp.MAPPER.getNodeFactory().textNode(stored) + "}");
        assertThat(http.get("/subjects/users-value/versions/1").json()).isEqualTo(latest.json());
        assertThat(http.get("/subjects/users-value/versions/-1").json()).isEqualTo(latest.json());
        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(stored);
        assertThat(http.get("/subjects/users-value/versions/1/schema").json()).isEqualTo(readTree(stored));
        assertThat(http.get("/schemas/types").json()).hasToString("[\"AVRO\"]");
        assertThat(http.get("/").json()).hasToString("{}");
    }

    @Test
    void shouldLookUpARegisteredSchemaWhateverItsWhitespace() {
        int id = http.register("users-value", USER_V1).json().get("id").asInt();
        String reformatted = USER_V1.replace(",", " ,\n  ");
        Response found = http.post("/subjects/users-value", schemaBody(reformatted));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("subject").asText()).isEqualTo("users-value");
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaInTwoSubjectsAndNotAddAVersionTwice() {
        int first = http.register("a-value", PAYMENT).json().get("id").asInt();
        int again = http.register("a-value", PAYMENT).json().get("id").asInt();
        int other = http.register("b-value", PAYMENT).json().get("id").asInt();
        int distinct = http.register("c-value", USER_V1).json().get("id").asInt();
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(first);
        assertThat(distinct).isNotEqualTo(first);
        assertThat(http.get("/subjects/a-value/versions").json()).hasToString("[1]");
        assertThat(http.get("/subjects/b-value/versions/latest").json().get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects").json()).hasToString("[\"a-value\",\"b-value\",\"c-value\"]");
    }

    @Test
    void shouldAcceptBackwardCompatibleEvolutionsUnderTheDefaultLevel() {
        assertThat(http.get("/config").json()).hasToString("{\"compatibilityLevel\":\"BACKWARD\"}");
        http.register("added", USER_V1);
        assertThat(http.register("added", USER_ADDED_WITH_DEFAULT).status()).isEqualTo(200);
        http.register("removed", USER_V1);
        assertThat(http.register("removed", USER_REMOVED_AGE).status()).isEqualTo(200);
        http.register("renamed", USER_V1);
        assertThat(http.register("renamed", USER_RENAMED_VIA_ALIAS).status()).isEqualTo(200);
        assertThat(http.get("/subjects/renamed/versions").json()).hasToString("[1,2]");
    }

    @Test
    void shouldRejectAFieldAddedWithoutDefaultWith409NamingTheField() {
        http.register("users-value", USER_V1);
        Response rejected = http.register("users-value", USER_ADDED_WITHOUT_DEFAULT);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.message()).contains("errorType=READER_FIELD_MISSING_DEFAULT_VALUE", "field=email",
                "subject=users-value", "compatibility=BACKWARD", "oldSchemaVersion=1");
        assertThat(http.get("/subjects/users-value/versions").json()).hasToString("[1]");
    }

    @Test
    void shouldRejectAChangedFieldTypeWith409NamingTheField() {
        http.register("users-value", USER_V1);
        Response rejected = http.register("users-value", USER_AGE_AS_STRING);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.message()).contains("errorType=TYPE_MISMATCH", "field=age");
    }

    @Test
    void shouldApplyForwardAndFullLevelsSetPerSubject() {
        http.register("fwd", USER_V1);
        Response set = http.put("/config/fwd", "{\"compatibility\":\"FORWARD\"}");
        assertThat(set.json()).hasToString("{\"compatibility\":\"FORWARD\"}");
        assertThat(http.get("/config/fwd").json()).hasToString("{\"compatibilityLevel\":\"FORWARD\"}");
        // Forward: the old schema must read new data. A new field without default is fine for an old reader.
        assertThat(http.register("fwd", USER_ADDED_WITHOUT_DEFAULT).status()).isEqualTo(200);
        // Removing age (no default in the old reader) breaks old readers.
        Response removed = http.register("fwd", USER_REMOVED_AGE);
        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.message()).contains("field=age", "direction=oldReadsNew");

        http.register("full", USER_V1);
        http.put("/config/full", "{\"compatibility\":\"full\"}");
        assertThat(http.register("full", USER_ADDED_WITHOUT_DEFAULT).status()).isEqualTo(409);
        assertThat(http.register("full", USER_ADDED_WITH_DEFAULT).status()).isEqualTo(200);
        assertThat(http.get("/config").json()).hasToString("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldCompareWithEveryLiveVersionOnlyForTransitiveLevels() {
        String v1 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        String v2 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}";
        String v3 = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"string\"}]}";
        for (String subject : new String[] {"plain", "transitive"}) {
            http.register(subject, v1);
            http.register(subject, v2);
        }
        http.put("/config/transitive", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
        assertThat(http.register("plain", v3).status()).isEqualTo(200);
        Response rejected = http.register("transitive", v3);
        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.message()).contains("field=b", "oldSchemaVersion=1");
    }

    @Test
    void shouldAcceptAnythingUnderNone() {
        http.put("/config", "{\"compatibility\":\"NONE\"}");
        http.register("any", USER_V1);
        assertThat(http.register("any", USER_AGE_AS_STRING).status()).isEqualTo(200);
        assertThat(http.register("any", PAYMENT).status()).isEqualTo(200);
    }

    @Test
    void shouldTestCompatibilityWithoutRegistering() {
        http.register("users-value", USER_V1);
        Response ok = http.post("/compatibility/subjects/users-value/versions/latest",
                schemaBody(USER_ADDED_WITH_DEFAULT));
        assertThat(ok.json()).hasToString("{\"is_compatible\":true}");
        Response bad = http.post("/compatibility/subjects/users-value/versions/1?verbose=true",
                schemaBody(USER_ADDED_WITHOUT_DEFAULT));
        assertThat(bad.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(bad.json().get("messages").get(0).asText()).contains("field=email");
        Response all = http.post("/compatibility/subjects/users-value/versions", schemaBody(USER_REMOVED_AGE));
        assertThat(all.json().get("is_compatible").asBoolean()).isTrue();
        assertThat(http.get("/subjects/users-value/versions").json()).hasToString("[1]");
    }

    @Test
    void shouldKeepSubjectsWithReservedCharactersIntact() {
        String subject = "team a/orders+v1-value";
        assertThat(http.register(subject, PAYMENT).status()).isEqualTo(200);
        assertThat(http.get("/subjects").json().get(0).asText()).isEqualTo(subject);
        assertThat(http.get("/subjects/" + RegistryHttp.seg(subject) + "/versions/1").json().get("subject").asText())
                .isEqualTo(subject);
    }

    private static JsonNode readTree(String json) {
        try {
            return RegistryHttp.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
