package dev.millrace.serdes.avro.registry;

import org.apache.avro.Schema;

/**
 * Parses schema texts the way the registry accepts them: a fresh {@link Schema.Parser} per text (so
 * named types never leak between schemas), defaults validated against their field types. The stored
 * and compared form of a schema is {@link Schema#toString()}, Avro's normalized JSON: two texts that
 * differ only in whitespace or attribute order are the same schema. Stateless and thread-safe.
 */
public final class AvroSchemaParser {
    private AvroSchemaParser() {
    }

    /**
     * Parses one schema text.
     *
     * @param text the schema JSON
     * @return the schema
     * @throws SchemaRegistryException with 422 / 42201 and the parser's reason if the text is not a
     *     valid Avro schema
     */
    public static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw SchemaRegistryException.invalidSchema("emptySchema", null);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // Any parser failure (SchemaParseException, AvroTypeException for a bad default, JSON errors)
            // means the text is not a schema; the parser's message is the reason the caller sees.
            throw SchemaRegistryException.invalidSchema(e.getMessage(), e);
        }
    }
}
