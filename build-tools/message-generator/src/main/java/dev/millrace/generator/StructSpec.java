package dev.millrace.generator;

import java.util.List;

/**
 * A named struct: the top-level body of a message, an inline struct of a field, or a common struct
 * shared by the messages of one file.
 *
 * @param name Java class name
 * @param fields the fields in wire order (tagged fields may appear anywhere)
 * @param doc one-line description
 */
public record StructSpec(String name, List<FieldSpec> fields, String doc) {
}
