package dev.millrace.serdes.avro.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import dev.millrace.serdes.avro.registry.SchemaMetadata;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Confluent-compatible endpoints, mapped onto {@link SchemaRegistry}:
 *
 * <pre>
 *  GET    /                                          {}
 *  GET    /schemas/types                             ["AVRO"]
 *  GET    /schemas/ids/{id}                          {"schema":TEXT}
 *  GET    /subjects[?deleted=true]                   [SUBJECT...]
 *  GET    /subjects/{s}/versions[?deleted=true]      [VERSION...]
 *  POST   /subjects/{s}/versions                     {"schema":TEXT} -&gt; {"id":ID}
 *  GET    /subjects/{s}/versions/{v}[?deleted=true]  {"subject","version","id","schema"}
 *  GET    /subjects/{s}/versions/{v}/schema          the schema JSON itself
 *  DELETE /subjects/{s}/versions/{v}[?permanent=true] VERSION
 *  POST   /subjects/{s}[?deleted=true]               {"schema":TEXT} -&gt; {"subject","version","id","schema"}
 *  DELETE /subjects/{s}[?permanent=true]             [VERSION...]
 *  POST   /compatibility/subjects/{s}/versions[/{v}][?verbose=true]
 *                                                    {"schema":TEXT} -&gt; {"is_compatible":B[,"messages":[...]]}
 *  GET    /config                                    {"compatibilityLevel":LEVEL}
 *  PUT    /config                                    {"compatibility":LEVEL} -&gt; {"compatibility":LEVEL}
 *  GET    /config/{s}[?defaultToGlobal=true]         {"compatibilityLevel":LEVEL}   (40408 if none)
 *  PUT    /config/{s}                                {"compatibility":LEVEL} -&gt; {"compatibility":LEVEL}
 *  DELETE /config/{s}                                {"compatibilityLevel":PREVIOUS}
 * </pre>
 *
 * <p>{v} is a positive int, {@code latest} or {@code -1}. Only AVRO schemas without references are
 * accepted: another {@code schemaType} or non-empty {@code references} give 422 / 42201. Stateless;
 * thread-safe because the registry is.
 */
final class RegistryRoutes {
    private final SchemaRegistry registry;

    RegistryRoutes(SchemaRegistry registry) {
        this.registry = registry;
    }

    JsonNode route(RegistryHttpHandler.Request request) {
        List<String> path = request.segments();
        if (path.isEmpty()) {
            requireMethod(request, "GET");
            return RegistryHttpHandler.object();
        }
        switch (path.get(0)) {
            case "subjects":
                return subjects(request, path);
            case "schemas":
                return schemas(request, path);
            case "compatibility":
                return compatibility(request, path);
            case "config":
                return config(request, path);
            default:
                throw notFound(request);
        }
    }

    private JsonNode subjects(RegistryHttpHandler.Request request, List<String> path) {
        boolean deleted = request.flag("deleted");
        if (path.size() == 1) {
            requireMethod(request, "GET");
            return strings(registry.subjects(deleted));
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            if (request.method().equals("DELETE")) {
                return ints(registry.deleteSubject(subject, request.flag("permanent")));
            }
            requireMethod(request, "POST");
            return metadata(registry.lookup(subject, schemaText(request), deleted));
        }
        if (!path.get(2).equals("versions") || path.size() > 5) {
            throw notFound(request);
        }
        if (path.size() == 3) {
            if (request.method().equals("POST")) {
                return RegistryHttpHandler.object().put("id", registry.register(subject, schemaText(request)));
            }
            requireMethod(request, "GET");
            return ints(registry.versions(subject, deleted));
        }
        int version = SchemaRegistry.parseVersion(path.get(3));
        if (path.size() == 5) {
            if (!path.get(4).equals("schema")) {
                throw notFound(request);
            }
            requireMethod(request, "GET");
            return parseJson(registry.version(subject, version, deleted).schema());
        }
        if (request.method().equals("DELETE")) {
            return RegistryHttpHandler.MAPPER.getNodeFactory()
                    .numberNode(registry.deleteVersion(subject, version, request.flag("permanent")));
        }
        requireMethod(request, "GET");
        return metadata(registry.version(subject, version, deleted));
    }

    private JsonNode schemas(RegistryHttpHandler.Request request, List<String> path) {
        requireMethod(request, "GET");
        if (path.size() == 2 && path.get(1).equals("types")) {
            return RegistryHttpHandler.array().add("AVRO");
        }
        if (path.size() != 3 || !path.get(1).equals("ids")) {
            throw notFound(request);
        }
        int id;
        try {
            id = Integer.parseInt(path.get(2));
        } catch (NumberFormatException e) {
            throw SchemaRegistryException.schemaNotFound("id=" + path.get(2));
        }
        return RegistryHttpHandler.object().put("schema", registry.schemaById(id));
    }

    private JsonNode compatibility(RegistryHttpHandler.Request request, List<String> path) {
        if (path.size() < 4 || path.size() > 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw notFound(request);
        }
        requireMethod(request, "POST");
        OptionalInt version = path.size() == 5 ? OptionalInt.of(SchemaRegistry.parseVersion(path.get(4)))
                : OptionalInt.empty();
        List<String> issues = registry.checkCompatibility(path.get(2), version, schemaText(request));
        ObjectNode answer = RegistryHttpHandler.object().put("is_compatible", issues.isEmpty());
        if (request.flag("verbose")) {
            answer.set("messages", strings(issues));
        }
        return answer;
    }

    private JsonNode config(RegistryHttpHandler.Request request, List<String> path) {
        if (path.size() > 2) {
            throw notFound(request);
        }
        String subject = path.size() == 2 ? path.get(1) : null;
        switch (request.method()) {
            case "GET": {
                CompatibilityLevel level;
                if (subject == null) {
                    level = registry.globalCompatibility();
                } else if (request.flag("defaultToGlobal")) {
                    level = registry.effectiveCompatibility(subject);
                } else {
                    level = registry.subjectCompatibility(subject).orElseThrow(() -> new SchemaRegistryException(404,
                            SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                            "reason=subjectCompatibilityNotConfigured subject=" + subject));
                }
                return RegistryHttpHandler.object().put("compatibilityLevel", level.name());
            }
            case "PUT": {
                JsonNode level = request.json().get("compatibility");
                CompatibilityLevel parsed = CompatibilityLevel.parse(level == null ? null : level.asText());
                return RegistryHttpHandler.object().put("compatibility", registry.setCompatibility(subject, parsed)
                        .name());
            }
            case "DELETE":
                if (subject != null) {
                    return RegistryHttpHandler.object().put("compatibilityLevel",
                            registry.deleteSubjectCompatibility(subject).name());
                }
                throw methodNotAllowed(request);
            default:
                throw methodNotAllowed(request);
        }
    }

    private static String schemaText(RegistryHttpHandler.Request request) {
        JsonNode body = request.json();
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw SchemaRegistryException.invalidSchema("unsupportedSchemaType schemaType=" + type.asText(), null);
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && references.size() > 0) {
            throw SchemaRegistryException.invalidSchema("schemaReferencesNotSupported references=" + references.size(),
                    null);
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw SchemaRegistryException.invalidSchema("missingSchemaField", null);
        }
        return schema.asText();
    }

    private static ObjectNode metadata(SchemaMetadata metadata) {
        return RegistryHttpHandler.object().put("subject", metadata.subject()).put("version", metadata.version())
                .put("id", metadata.id()).put("schema", metadata.schema());
    }

    private static JsonNode parseJson(String text) {
        try {
            return RegistryHttpHandler.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
                    "reason=storedSchemaNotJson detail=" + e.getMessage(), e);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = RegistryHttpHandler.array();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = RegistryHttpHandler.array();
        values.forEach(array::add);
        return array;
    }

    private static void requireMethod(RegistryHttpHandler.Request request, String method) {
        if (!request.method().equals(method)) {
            throw methodNotAllowed(request);
        }
    }

    private static SchemaRegistryException notFound(RegistryHttpHandler.Request request) {
        return new SchemaRegistryException(404, 404, "reason=unknownPath path=/"
                + String.join("/", request.segments()));
    }

    private static SchemaRegistryException methodNotAllowed(RegistryHttpHandler.Request request) {
        return new SchemaRegistryException(405, 405, "reason=methodNotAllowed method=" + request.method() + " path=/"
                + String.join("/", request.segments()));
    }
}
