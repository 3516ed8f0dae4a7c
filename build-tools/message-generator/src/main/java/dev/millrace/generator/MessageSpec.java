package dev.millrace.generator;

import java.util.List;
import java.util.Map;

/**
 * One message of a definition file: a request, response, header or other versioned data.
 *
 * @param kind request, response, header or data
 * @param apiKey the API key for requests and responses, -1 otherwise
 * @param apiName the API name (for example {@code Produce}), or the class name for headers and data
 * @param className generated top-level class name
 * @param validVersions versions this message has
 * @param flexibleVersions versions that use compact encodings and tagged fields
 * @param body the top-level struct
 * @param commonStructs structs of the file that fields may reference by name
 * @param sourceFile the definition file, for error messages
 */
public record MessageSpec(Kind kind, int apiKey, String apiName, String className, Versions validVersions,
                   Versions flexibleVersions, StructSpec body, Map<String, StructSpec> commonStructs,
                   String sourceFile) {
    public enum Kind { REQUEST, RESPONSE, HEADER, DATA }

    public List<FieldSpec> fields() {
        return body.fields();
    }
}
