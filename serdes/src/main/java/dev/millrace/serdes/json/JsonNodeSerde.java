package dev.millrace.serdes.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON serde for untyped trees ({@link JsonNode}), usable where a serde is named by class because
 * it has a public no-argument constructor. Null bytes read as null; the JSON literal {@code null}
 * reads as {@link com.fasterxml.jackson.databind.node.NullNode} and writes back as {@code null}.
 * Errors and threading are those of {@link JsonSerde}.
 */
public final class JsonNodeSerde extends JsonSerde<JsonNode> {

    /** Creates the serde with the default mapper. */
    public JsonNodeSerde() {
        super(JsonNode.class);
    }

    /**
     * Creates the serde with the given mapper.
     *
     * @param mapper the mapper; must not be reconfigured afterwards
     */
    public JsonNodeSerde(ObjectMapper mapper) {
        super(JsonNode.class, mapper);
    }
}
