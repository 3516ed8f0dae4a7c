package dev.millrace.serdes.avro.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import java.io.IOException;
import java.util.Optional;

/**
 * Encodes {@link RegistryRecord}s as the key/value JSON documents of Confluent's {@code _schemas} topic,
 * and decodes them back. Layout (fields in this order; keys are written byte-for-byte deterministically,
 * because a compacted topic matches keys by their bytes):
 *
 * <pre>
 *  kind              key                                                     value
 *  schema version    {"keytype":"SCHEMA","subject":S,"version":V,"magic":1}  {"subject":S,"version":V,"id":I,
 *                                                                             "schema":TEXT,"deleted":B}
 *  version removed   same key as the schema version                          null (tombstone)
 *  config            {"keytype":"CONFIG","subject":S or null,"magic":0}      {"compatibilityLevel":LEVEL}
 *  config cleared    same key as the config                                  null (tombstone)
 *  subject deleted   {"keytype":"DELETE_SUBJECT","subject":S,"magic":0}      {"subject":S,"version":V}
 *  id watermark      {"keytype":"ID_WATERMARK","magic":0}                    {"maxId":I}
 * </pre>
 *
 * <p>All kinds but the id watermark are the ones Confluent's registry writes; the watermark is
 * Millrace's addition (see {@link RegistryRecord.IdWatermark}). Decoding ignores key types it does not
 * know (Confluent also writes {@code NOOP}, {@code MODE} and others) so that a log written by a newer
 * registry still replays. Stateless and thread-safe.
 */
public final class RegistryRecordCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryRecordCodec() {
    }

    /**
     * Encodes one record.
     *
     * @param record the record
     * @return its key and value bytes
     */
    public static StoreRecord encode(RegistryRecord record) {
        if (record instanceof RegistryRecord.SchemaVersion version) {
            ObjectNode value = MAPPER.createObjectNode().put("subject", version.subject())
                    .put("version", version.version()).put("id", version.id()).put("schema", version.schema())
                    .put("deleted", version.deleted());
            return new StoreRecord(schemaKey(version.subject(), version.version()), bytes(value));
        }
        if (record instanceof RegistryRecord.SchemaVersionRemoved removed) {
            return new StoreRecord(schemaKey(removed.subject(), removed.version()), null);
        }
        if (record instanceof RegistryRecord.Config config) {
            ObjectNode key = MAPPER.createObjectNode().put("keytype", "CONFIG").put("subject", config.subject())
                    .put("magic", 0);
            byte[] value = config.level() == null ? null
                    : bytes(MAPPER.createObjectNode().put("compatibilityLevel", config.level().name()));
            return new StoreRecord(bytes(key), value);
        }
        if (record instanceof RegistryRecord.IdWatermark watermark) {
            return new StoreRecord(bytes(MAPPER.createObjectNode().put("keytype", "ID_WATERMARK").put("magic", 0)),
                    bytes(MAPPER.createObjectNode().put("maxId", watermark.maxId())));
        }
        RegistryRecord.SubjectDeleted deleted = (RegistryRecord.SubjectDeleted) record;
        ObjectNode key = MAPPER.createObjectNode().put("keytype", "DELETE_SUBJECT").put("subject", deleted.subject())
                .put("magic", 0);
        ObjectNode value = MAPPER.createObjectNode().put("subject", deleted.subject())
                .put("version", deleted.version());
        return new StoreRecord(bytes(key), bytes(value));
    }

    /**
     * Decodes one record.
     *
     * @param record the stored key and value
     * @return the registry record, or empty for a key type this registry does not use
     * @throws SchemaStoreException if the key or value is not the expected JSON
     */
    public static Optional<RegistryRecord> decode(StoreRecord record) {
        JsonNode key = parse(record.key(), record);
        String keyType = text(key, "keytype", record);
        switch (keyType) {
            case "SCHEMA": {
                String subject = text(key, "subject", record);
                int version = integer(key, "version", record);
                if (record.isTombstone()) {
                    return Optional.of(new RegistryRecord.SchemaVersionRemoved(subject, version));
                }
                JsonNode value = parse(record.value(), record);
                return Optional.of(new RegistryRecord.SchemaVersion(subject, version, integer(value, "id", record),
                        text(value, "schema", record), value.path("deleted").asBoolean(false)));
            }
            case "CONFIG": {
                JsonNode subjectNode = key.path("subject");
                String subject = subjectNode.isTextual() ? subjectNode.asText() : null;
                if (record.isTombstone()) {
                    return Optional.of(new RegistryRecord.Config(subject, null));
                }
                String level = text(parse(record.value(), record), "compatibilityLevel", record);
                return Optional.of(new RegistryRecord.Config(subject, level(level, record)));
            }
            case "DELETE_SUBJECT": {
                if (record.isTombstone()) {
                    return Optional.empty();
                }
                JsonNode value = parse(record.value(), record);
                return Optional.of(new RegistryRecord.SubjectDeleted(text(key, "subject", record),
                        integer(value, "version", record)));
            }
            case "ID_WATERMARK":
                if (record.isTombstone()) {
                    return Optional.empty();
                }
                return Optional.of(new RegistryRecord.IdWatermark(integer(parse(record.value(), record), "maxId",
                        record)));
            default:
                return Optional.empty();
        }
    }

    private static CompatibilityLevel level(String name, StoreRecord record) {
        try {
            return CompatibilityLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SchemaStoreException("reason=unknownCompatibilityLevel level=" + name + " record=" + record, e);
        }
    }

    private static byte[] schemaKey(String subject, int version) {
        return bytes(MAPPER.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new SchemaStoreException("reason=cannotEncodeRecord node=" + node, e);
        }
    }

    private static JsonNode parse(byte[] bytes, StoreRecord record) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new SchemaStoreException("reason=recordNotAJsonObject record=" + record);
            }
            return node;
        } catch (IOException e) {
            throw new SchemaStoreException("reason=malformedRecordJson record=" + record, e);
        }
    }

    private static String text(JsonNode node, String field, StoreRecord record) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SchemaStoreException("reason=missingTextField field=" + field + " record=" + record);
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, StoreRecord record) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new SchemaStoreException("reason=missingIntField field=" + field + " record=" + record);
        }
        return value.asInt();
    }
}
