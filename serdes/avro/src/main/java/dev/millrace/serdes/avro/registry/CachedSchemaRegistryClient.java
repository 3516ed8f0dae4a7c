package dev.millrace.serdes.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent REST API over HTTP ({@code java.net.http} and
 * Jackson), with caches for the answers that cannot change:
 *
 * <ul>
 *   <li>id to schema ({@code GET /schemas/ids/{id}}; an id never changes its schema);</li>
 *   <li>(subject, schema) to id and to version ({@code POST /subjects/{s}/versions} and
 *       {@code POST /subjects/{s}});</li>
 *   <li>(subject, version) to metadata ({@code GET /subjects/{s}/versions/{v}}).</li>
 * </ul>
 *
 * <p>So a serializer registers each schema once and a deserializer fetches each id once. The latest
 * version, listings, compatibility and configs are never cached (the serdes cache the latest version
 * themselves, see {@code latest.cache.ttl.sec}). Deleting through this client drops that subject's
 * cached entries. Caches are unbounded: their size is the number of distinct schemas the process uses.
 *
 * <p>Several base URLs may be given; see {@link RestTransport} for failover. Timeouts use Confluent's
 * keys {@value #HTTP_CONNECT_TIMEOUT_MS} and {@value #HTTP_READ_TIMEOUT_MS} (default 60000 ms each).
 * Thread-safe.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
    /** Connect timeout in milliseconds. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Whole-request timeout in milliseconds. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    private static final long DEFAULT_TIMEOUT_MS = 60_000;

    private final RestTransport rest;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Schema, Integer>> versionsBySubject =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, SchemaMetadata>> metadataBySubject =
            new ConcurrentHashMap<>();

    /**
     * Creates a client with default timeouts.
     *
     * @param baseUrls registry base URLs, for example {@code http://localhost:8081}
     */
    public CachedSchemaRegistryClient(List<String> baseUrls) {
        this(baseUrls, Map.of());
    }

    /**
     * Creates a client.
     *
     * @param baseUrls registry base URLs
     * @param configs may hold {@value #HTTP_CONNECT_TIMEOUT_MS} and {@value #HTTP_READ_TIMEOUT_MS}
     * @throws IllegalArgumentException if no URL is given or a timeout is not a positive number
     */
    public CachedSchemaRegistryClient(List<String> baseUrls, Map<String, ?> configs) {
        this.rest = new RestTransport(baseUrls, timeout(configs, HTTP_CONNECT_TIMEOUT_MS),
                timeout(configs, HTTP_READ_TIMEOUT_MS));
    }

    private static Duration timeout(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        long millis;
        try {
            millis = value == null ? DEFAULT_TIMEOUT_MS : Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reason=notANumber key=" + key + " value=" + value, e);
        }
        if (millis <= 0) {
            throw new IllegalArgumentException("reason=nonPositiveTimeout key=" + key + " value=" + millis);
        }
        return Duration.ofMillis(millis);
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode response = rest.send("POST", subjectPath(subject) + "/versions", schemaBody(schema));
        int id = requireInt(response, "id");
        ids.put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode response = rest.send("GET", "/schemas/ids/" + id, null);
        Schema schema = AvroSchemaParser.parse(requireText(response, "schema"));
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).get(schema);
        return cached != null ? cached : lookup(subject, schema).id();
    }

    @Override
    public int getVersion(String subject, Schema schema) {
        Integer cached = versionsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).get(schema);
        return cached != null ? cached : lookup(subject, schema).version();
    }

    private SchemaMetadata lookup(String subject, Schema schema) {
        SchemaMetadata metadata = metadata(rest.send("POST", subjectPath(subject), schemaBody(schema)));
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, metadata.id());
        versionsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, metadata.version());
        schemasById.putIfAbsent(metadata.id(), schema);
        return metadata;
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) {
        return metadata(rest.send("GET", subjectPath(subject) + "/versions/latest", null));
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) {
        Map<Integer, SchemaMetadata> versions = metadataBySubject.computeIfAbsent(subject,
                s -> new ConcurrentHashMap<>());
        SchemaMetadata cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        SchemaMetadata metadata = metadata(rest.send("GET", subjectPath(subject) + "/versions/" + version, null));
        versions.put(version, metadata);
        return metadata;
    }

    @Override
    public List<String> getAllSubjects() {
        List<String> subjects = new ArrayList<>();
        for (JsonNode subject : rest.send("GET", "/subjects", null)) {
            subjects.add(subject.asText());
        }
        return subjects;
    }

    @Override
    public List<Integer> getAllVersions(String subject) {
        return intList(rest.send("GET", subjectPath(subject) + "/versions", null));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        JsonNode response = rest.send("POST", "/compatibility" + subjectPath(subject) + "/versions",
                schemaBody(schema));
        return response.path("is_compatible").asBoolean(false);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        String path = subject == null ? "/config"
                : "/config/" + RestTransport.segment(subject) + "?defaultToGlobal=true";
        return CompatibilityLevel.parse(requireText(rest.send("GET", path, null), "compatibilityLevel"));
    }

    @Override
    public CompatibilityLevel updateCompatibility(String subject, CompatibilityLevel level) {
        String path = subject == null ? "/config" : "/config/" + RestTransport.segment(subject);
        ObjectNode body = RestTransport.MAPPER.createObjectNode().put("compatibility", level.name());
        return CompatibilityLevel.parse(requireText(rest.send("PUT", path, body), "compatibility"));
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        forget(subject);
        return intList(rest.send("DELETE", subjectPath(subject) + (permanent ? "?permanent=true" : ""), null));
    }

    @Override
    public int deleteSchemaVersion(String subject, int version, boolean permanent) {
        forget(subject);
        String path = subjectPath(subject) + "/versions/" + version + (permanent ? "?permanent=true" : "");
        JsonNode response = rest.send("DELETE", path, null);
        if (!response.canConvertToInt()) {
            throw malformed("DELETE " + path, response);
        }
        return response.asInt();
    }

    private void forget(String subject) {
        idsBySubject.remove(subject);
        versionsBySubject.remove(subject);
        metadataBySubject.remove(subject);
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + RestTransport.segment(subject);
    }

    private static ObjectNode schemaBody(Schema schema) {
        return RestTransport.MAPPER.createObjectNode().put("schema", schema.toString());
    }

    private static SchemaMetadata metadata(JsonNode node) {
        return new SchemaMetadata(requireText(node, "subject"), requireInt(node, "version"), requireInt(node, "id"),
                requireText(node, "schema"));
    }

    private static List<Integer> intList(JsonNode node) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : node) {
            values.add(item.asInt());
        }
        return values;
    }

    private static String requireText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed("field=" + field, node);
        }
        return value.asText();
    }

    private static int requireInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed("field=" + field, node);
        }
        return value.asInt();
    }

    private static SchemaRegistryException malformed(String facts, JsonNode node) {
        return new SchemaRegistryException(200, SchemaRegistryException.NO_RESPONSE,
                "reason=unexpectedResponse " + facts + " response=" + node);
    }
}
