package dev.millrace.serdes.avro.registry.server;

import static dev.millrace.serdes.avro.TestSchemas.PAYMENT;
import static dev.millrace.serdes.avro.TestSchemas.USER_V1;
import static dev.millrace.serdes.avro.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.RegistryHttp;
import dev.millrace.serdes.avro.registry.RegistryHttp.Response;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input and deletes through the REST API: status codes and Confluent error codes (422/42201 with the
 * parser's reason, 404/40401..40408, 422/42202, 422/42203), soft and permanent deletes of subjects and
 * versions, and version numbering around them.
 */
class SchemaRegistryRestErrorsTest {
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

    private static void assertError(Response response, int status, int errorCode, String... messageParts) {
        assertThat(response.status()).as("status of " + response).isEqualTo(status);
        assertThat(response.errorCode()).as("error_code of " + response).isEqualTo(errorCode);
        if (messageParts.length > 0) {
            assertThat(response.message()).as("message of " + response).contains(messageParts);
        }
        assertThat(response.contentType()).isEqualTo(RegistryHttp.MEDIA_TYPE);
    }

    @Test
    void shouldRejectInvalidSchemasWith42201AndTheParsersReason() {
        assertError(http.register("s", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
                + "\"type\":\"strng\"}]}"), 422, 42201, "reason=invalidSchema", "strng");
        assertError(http.register("s", "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
                + "\"type\":\"int\",\"default\":\"text\"}]}"), 422, 42201, "reason=invalidSchema", "default");
        assertError(http.register("s", "not json at all"), 422, 42201, "reason=invalidSchema");
        assertError(http.post("/subjects/s/versions", "{\"schema\":42}"), 422, 42201, "missingSchemaField");
        assertError(http.post("/subjects/s/versions", "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"PROTOBUF\"}"),
                422, 42201, "unsupportedSchemaType");
        assertError(http.post("/subjects/s/versions", "{\"schema\":\"\\\"int\\\"\",\"references\":[{\"name\":"
                + "\"x\",\"subject\":\"y\",\"version\":1}]}"), 422, 42201, "schemaReferencesNotSupported");
        assertError(http.post("/subjects/s/versions", "{not json"), 400, 400, "reason=malformedJsonBody");
        assertThat(http.get("/subjects").json()).hasToString("[]");
    }

    @Test
    void shouldAnswerUnknownSubjectsVersionsAndIdsWithConfluentNotFoundCodes() {
        http.register("known", USER_V1);
        assertError(http.get("/subjects/unknown/versions"), 404, 40401, "subject=unknown");
        assertError(http.get("/subjects/unknown/versions/1"), 404, 40401, "subject=unknown");
        assertError(http.post("/subjects/unknown", schemaBody(USER_V1)), 404, 40401);
        assertError(http.get("/subjects/known/versions/2"), 404, 40402, "subject=known", "version=2");
        assertError(http.post("/subjects/known", schemaBody(PAYMENT)), 404, 40403, "subject=known");
        assertError(http.get("/schemas/ids/4242"), 404, 40403, "id=4242");
        assertError(http.get("/schemas/ids/abc"), 404, 40403);
        assertError(http.post("/compatibility/subjects/unknown/versions/latest", schemaBody(USER_V1)), 404, 40401);
        assertError(http.post("/compatibility/subjects/known/versions/7", schemaBody(USER_V1)), 404, 40402);
        assertError(http.get("/config/known"), 404, 40408, "subject=known");
        assertThat(http.get("/config/known?defaultToGlobal=true").json())
                .hasToString("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldRejectInvalidVersionsAndLevelsWith422() {
        http.register("known", USER_V1);
        assertError(http.get("/subjects/known/versions/abc"), 422, 42202, "version=abc");
        assertError(http.get("/subjects/known/versions/0"), 422, 42202, "version=0");
        assertError(http.get("/subjects/known/versions/-2"), 422, 42202);
        assertError(http.get("/subjects/known/versions/99999999999"), 422, 42202);
        assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203, "level=SIDEWAYS");
        assertError(http.put("/config/known", "{}"), 422, 42203);
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndWrongMethodsWith405() {
        assertError(http.get("/nothing/here"), 404, 404, "reason=unknownPath");
        assertError(http.get("/subjects/a/versions/1/extra"), 404, 404);
        assertError(http.delete("/subjects"), 405, 405, "method=DELETE");
        assertError(http.put("/subjects/a/versions", schemaBody(USER_V1)), 405, 405);
        assertError(http.send("DELETE", "/config", null), 405, 405);
    }

    @Test
    void shouldSoftDeleteASubjectKeepingItsIdsAndThenDeleteItPermanently() {
        int id = http.register("s", USER_V1).json().get("id").asInt();
        http.register("s", TestSchemas.USER_ADDED_WITH_DEFAULT);
        assertError(http.delete("/subjects/s?permanent=true"), 404, 40405, "subject=s");

        assertThat(http.delete("/subjects/s").json()).hasToString("[1,2]");
        assertThat(http.get("/subjects").json()).hasToString("[]");
        assertThat(http.get("/subjects?deleted=true").json()).hasToString("[\"s\"]");
        assertError(http.get("/subjects/s/versions"), 404, 40401);
        assertThat(http.get("/subjects/s/versions?deleted=true").json()).hasToString("[1,2]");
        assertThat(http.get("/subjects/s/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.post("/subjects/s?deleted=true", schemaBody(USER_V1)).json().get("version").asInt())
                .isEqualTo(1);
        assertError(http.delete("/subjects/s"), 404, 40404, "subject=s");

        // Registering again continues the numbering after soft-deleted versions and reuses the id.
        Response again = http.register("s", USER_V1);
        assertThat(again.json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/s/versions").json()).hasToString("[3]");
        http.delete("/subjects/s");
        assertThat(http.delete("/subjects/s?permanent=true").json()).hasToString("[1,2,3]");
        assertThat(http.get("/subjects?deleted=true").json()).hasToString("[]");
        assertError(http.get("/schemas/ids/" + id), 404, 40403);
        assertError(http.delete("/subjects/s"), 404, 40401);

        // After a permanent delete the subject starts again at version 1; the id is not reused.
        int fresh = http.register("s", USER_V1).json().get("id").asInt();
        assertThat(fresh).isGreaterThan(id);
        assertThat(http.get("/subjects/s/versions").json()).hasToString("[1]");
    }

    @Test
    void shouldSoftDeleteAndPermanentlyDeleteSingleVersions() {
        http.register("s", USER_V1);
        int id2 = http.register("s", TestSchemas.USER_ADDED_WITH_DEFAULT).json().get("id").asInt();
        assertError(http.delete("/subjects/s/versions/2?permanent=true"), 404, 40407, "version=2");
        assertThat(http.delete("/subjects/s/versions/latest").json().asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/s/versions/latest").json().get("version").asInt()).isEqualTo(1);
        assertError(http.get("/subjects/s/versions/2"), 404, 40402);
        assertThat(http.get("/subjects/s/versions/2?deleted=true").json().get("id").asInt()).isEqualTo(id2);
        assertError(http.delete("/subjects/s/versions/2"), 404, 40406, "version=2");
        assertError(http.delete("/subjects/s/versions/9"), 404, 40402);
        assertThat(http.delete("/subjects/s/versions/2?permanent=true").json().asInt()).isEqualTo(2);
        assertError(http.get("/subjects/s/versions/2?deleted=true"), 404, 40402);
        assertError(http.get("/schemas/ids/" + id2), 404, 40403);
        assertThat(http.get("/subjects/s/versions").json()).hasToString("[1]");
        assertThat(http.register("s", TestSchemas.USER_ADDED_WITH_DEFAULT).json().get("id").asInt())
                .isGreaterThan(id2);
        assertThat(http.get("/subjects/s/versions").json()).hasToString("[1,2]");
    }

    @Test
    void shouldSetAndRemoveSubjectLevelsAndDropThemWithAPermanentDelete() {
        http.register("s", USER_V1);
        http.put("/config/s", "{\"compatibility\":\"NONE\"}");
        assertThat(http.delete("/config/s").json()).hasToString("{\"compatibilityLevel\":\"NONE\"}");
        assertError(http.delete("/config/s"), 404, 40408);
        http.put("/config/s", "{\"compatibility\":\"FULL\"}");
        http.delete("/subjects/s");
        http.delete("/subjects/s?permanent=true");
        assertError(http.get("/config/s"), 404, 40408);
    }
}
