package dev.millrace.serdes.avro.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServer;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServerConfig;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against the real service: every operation, Confluent error codes surfacing as
 * {@link SchemaRegistryException}, caching (cached answers survive the service going away), failover
 * across base URLs, and the same behaviour from the in-process client.
 */
class CachedSchemaRegistryClientTest {
    private static final Schema V1 = TestSchemas.parse(TestSchemas.USER_V1);
    private static final Schema V2 = TestSchemas.parse(TestSchemas.USER_ADDED_WITH_DEFAULT);
    private SchemaRegistryServer server;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start(Map.of(SchemaRegistryServerConfig.LISTENERS, "http://127.0.0.1:0"),
                new InMemorySchemaStore());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CachedSchemaRegistryClient client() {
        return new CachedSchemaRegistryClient(List.of(server.url().toString()));
    }

    @Test
    void shouldPerformEveryOperationOverHttp() {
        exerciseEveryOperation(client());
    }

    @Test
    void shouldBehaveTheSameInProcess() {
        exerciseEveryOperation(new LocalSchemaRegistryClient(server.registry()));
    }

    private static void exerciseEveryOperation(SchemaRegistryClient client) {
        int id1 = client.register("users-value", V1);
        int id2 = client.register("users-value", V2);
        assertThat(client.register("users-value", V1)).isEqualTo(id1);
        assertThat(client.getSchemaById(id2)).isEqualTo(V2);
        assertThat(client.getId("users-value", V2)).isEqualTo(id2);
        assertThat(client.getVersion("users-value", V2)).isEqualTo(2);
        assertThat(client.getLatestSchemaMetadata("users-value"))
                .isEqualTo(new SchemaMetadata("users-value", 2, id2, V2.toString()));
        assertThat(client.getSchemaMetadata("users-value", 1).id()).isEqualTo(id1);
        assertThat(client.getAllSubjects()).containsExactly("users-value");
        assertThat(client.getAllVersions("users-value")).containsExactly(1, 2);
        assertThat(client.testCompatibility("users-value", TestSchemas.parse(TestSchemas.USER_REMOVED_AGE))).isTrue();
        assertThat(client.testCompatibility("users-value", TestSchemas.parse(TestSchemas.USER_AGE_AS_STRING)))
                .isFalse();
        assertThat(client.testCompatibility("fresh-subject", V1)).isTrue();
        assertThat(client.getCompatibility(null)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.updateCompatibility("users-value", CompatibilityLevel.FULL))
                .isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.getCompatibility("users-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.getCompatibility("other")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.deleteSchemaVersion("users-value", 2, false)).isEqualTo(2);
        assertThat(client.getAllVersions("users-value")).containsExactly(1);
        assertThat(client.deleteSubject("users-value", false)).containsExactly(1);
        assertThat(client.deleteSubject("users-value", true)).containsExactly(1, 2);
        assertThat(client.getAllSubjects()).isEmpty();
        assertCode(() -> client.getLatestSchemaMetadata("users-value"), 404, 40401);
        assertCode(() -> client.getSchemaById(999), 404, 40403);
        assertCode(() -> client.getId("nobody", V1), 404, 40401);
        client.register("again", V1);
        assertCode(() -> client.getVersion("again", V2), 404, 40403);
        assertCode(() -> client.getSchemaMetadata("again", 5), 404, 40402);
        assertCode(() -> client.register("again", TestSchemas.parse(TestSchemas.USER_AGE_AS_STRING)), 409, 409);
    }

    private static void assertCode(Runnable call, int status, int errorCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.httpStatus()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(errorCode);
        });
    }

    @Test
    void shouldServeCachedIdsAndSchemasWithoutTheService() {
        CachedSchemaRegistryClient client = client();
        int id = client.register("users-value", V1);
        int other = new LocalSchemaRegistryClient(server.registry()).register("payments-value",
                TestSchemas.parse(TestSchemas.PAYMENT));
        assertThat(client.getSchemaById(other)).isEqualTo(TestSchemas.parse(TestSchemas.PAYMENT));
        assertThat(client.getVersion("users-value", V1)).isEqualTo(1);
        assertThat(client.getSchemaMetadata("users-value", 1).id()).isEqualTo(id);
        server.close();

        assertThat(client.register("users-value", V1)).isEqualTo(id);
        assertThat(client.getId("users-value", V1)).isEqualTo(id);
        assertThat(client.getSchemaById(id)).isEqualTo(V1);
        assertThat(client.getSchemaById(other)).isEqualTo(TestSchemas.parse(TestSchemas.PAYMENT));
        assertThat(client.getVersion("users-value", V1)).isEqualTo(1);
        assertThat(client.getSchemaMetadata("users-value", 1).id()).isEqualTo(id);
        assertThatThrownBy(() -> client.getAllSubjects()).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> {
                    assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.getMessage()).contains("reason=registryUnreachable");
                });
    }

    @Test
    void shouldFailOverToTheNextUrlWhenOneIsDown() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(List.of("http://127.0.0.1:" + deadPort,
                server.url() + "/"), Map.of(CachedSchemaRegistryClient.HTTP_CONNECT_TIMEOUT_MS, "2000"));
        assertThat(client.register("users-value", V1)).isEqualTo(1);
        assertThat(client.getAllSubjects()).containsExactly("users-value");
    }

    @Test
    void shouldRejectMissingUrlsAndBadTimeouts() {
        assertThatThrownBy(() -> new CachedSchemaRegistryClient(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=noRegistryUrls");
        assertThatThrownBy(() -> new CachedSchemaRegistryClient(List.of("http://x"),
                Map.of(CachedSchemaRegistryClient.HTTP_READ_TIMEOUT_MS, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=nonPositiveTimeout");
    }

    @Test
    void shouldShareMockScopesUntilDropped() {
        LocalSchemaRegistryClient first = MockSchemaRegistry.getClientForScope("cached-client-test");
        first.register("s", V1);
        assertThat(MockSchemaRegistry.getClientForScope("cached-client-test").getAllSubjects()).containsExactly("s");
        MockSchemaRegistry.dropScope("cached-client-test");
        assertThat(MockSchemaRegistry.getClientForScope("cached-client-test").getAllSubjects()).isEmpty();
        MockSchemaRegistry.dropScope("cached-client-test");
        assertThat(MockSchemaRegistry.scopeOf("mock://abc")).isEqualTo("abc");
        assertThatThrownBy(() -> MockSchemaRegistry.scopeOf("http://abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
