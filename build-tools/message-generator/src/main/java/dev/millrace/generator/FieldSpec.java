package dev.millrace.generator;

import java.util.List;

/**
 * One field of a struct, as written in a definition file.
 *
 * @param name field name in UpperCamelCase, as in the protocol documentation
 * @param type field type
 * @param versions versions in which the field exists
 * @param nullableVersions versions in which the field may be null
 * @param taggedVersions versions in which the field is a tagged field (NONE when never)
 * @param tag the tag when the field is tagged, else -1
 * @param defaultValue default literal, or null for the type's natural default
 * @param ignorable whether a non-default value may be silently dropped in versions without the field
 * @param neverCompact whether strings/bytes keep the classic encoding in flexible versions
 * @param doc one-line description
 * @param fields fields of an inline struct type, empty otherwise
 * @param line line number in the definition file
 */
public record FieldSpec(String name, FieldType type, Versions versions, Versions nullableVersions, Versions taggedVersions,
                 int tag, String defaultValue, boolean ignorable, boolean neverCompact, String doc,
                 List<FieldSpec> fields, int line) {

    public boolean isTagged() {
        return tag >= 0;
    }

    public String javaName() {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    public String setterName() {
        return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether a null default was asked for. */
    boolean defaultsToNull() {
        return "null".equals(defaultValue);
    }
}
