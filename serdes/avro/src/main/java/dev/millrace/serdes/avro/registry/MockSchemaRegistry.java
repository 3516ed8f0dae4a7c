package dev.millrace.serdes.avro.registry;

import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import dev.millrace.serdes.avro.registry.store.InMemorySchemaStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-process registries for {@code mock://<scope>} URLs, one per scope and shared by every serde
 * configured with that scope in the JVM, so a producer-side serializer and a consumer-side deserializer
 * in a unit test (or in the topology test driver) see the same ids. Each scope is a real
 * {@link SchemaRegistry} over an {@link InMemorySchemaStore}: compatibility checks, versions and error
 * codes behave as in the REST service.
 *
 * <p>Scopes live until {@link #dropScope} is called; tests should drop theirs, or use unique scope names.
 * Thread-safe.
 */
public final class MockSchemaRegistry {
    /** The URL prefix that selects an in-process registry. */
    public static final String MOCK_URL_PREFIX = "mock://";

    private static final ConcurrentMap<String, LocalSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /**
     * The shared client of a scope, creating the scope's registry on first use.
     *
     * @param scope the scope name
     * @return the scope's client
     */
    public static LocalSchemaRegistryClient getClientForScope(String scope) {
        return SCOPES.computeIfAbsent(scope,
                s -> new LocalSchemaRegistryClient(new SchemaRegistry(new InMemorySchemaStore())));
    }

    /**
     * The scope named by a {@code mock://} URL.
     *
     * @param url for example {@code mock://orders-test}
     * @return the scope, for example {@code orders-test}
     * @throws IllegalArgumentException if the URL does not start with {@value #MOCK_URL_PREFIX}
     */
    public static String scopeOf(String url) {
        if (!url.startsWith(MOCK_URL_PREFIX)) {
            throw new IllegalArgumentException("reason=notAMockUrl url=" + url);
        }
        return url.substring(MOCK_URL_PREFIX.length());
    }

    /**
     * Forgets a scope: later clients of that name start from an empty registry. Clients already handed
     * out keep working on the old registry.
     *
     * @param scope the scope name
     */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
