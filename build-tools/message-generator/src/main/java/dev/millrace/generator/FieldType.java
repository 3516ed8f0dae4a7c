package dev.millrace.generator;

import java.util.Locale;
import java.util.Set;

/**
 * The type of a field: a primitive, an array of a primitive or struct, or a single struct.
 *
 * @param name the primitive name or the struct name
 * @param array whether the field is an array of {@code name}
 */
public record FieldType(String name, boolean array) {
    private static final Set<String> PRIMITIVES = Set.of(
            "bool", "int8", "int16", "uint16", "int32", "uint32", "int64", "float64", "string", "bytes", "uuid",
            "records");

    public static FieldType parse(String text) {
        boolean array = text.startsWith("[]");
        String name = array ? text.substring(2) : text;
        if (name.isEmpty() || !(PRIMITIVES.contains(name) || Character.isUpperCase(name.charAt(0)))) {
            throw new IllegalArgumentException("type=" + text + " reason=unknownType (primitives: " + PRIMITIVES
                    + ", structs start with an upper-case letter)");
        }
        if (array && (name.equals("bytes") || name.equals("records"))) {
            throw new IllegalArgumentException("type=" + text + " reason=arraysOfBytesOrRecordsAreNotSupported");
        }
        return new FieldType(name, array);
    }

    public boolean isStruct() {
        return !PRIMITIVES.contains(name);
    }

    boolean isStructArray() {
        return array && isStruct();
    }

    /** Fixed encoded width of the element type, or -1 when it varies. */
    public int fixedSize() {
        return switch (name) {
            case "bool", "int8" -> 1;
            case "int16", "uint16" -> 2;
            case "int32", "uint32" -> 4;
            case "int64", "float64" -> 8;
            case "uuid" -> 16;
            default -> -1;
        };
    }

    /** Java type of one element (boxed when {@code boxed}). */
    String elementJavaType(boolean boxed) {
        return switch (name) {
            case "bool" -> boxed ? "Boolean" : "boolean";
            case "int8" -> boxed ? "Byte" : "byte";
            case "int16" -> boxed ? "Short" : "short";
            case "uint16", "int32" -> boxed ? "Integer" : "int";
            case "uint32", "int64" -> boxed ? "Long" : "long";
            case "float64" -> boxed ? "Double" : "double";
            case "string" -> "String";
            case "bytes" -> "byte[]";
            case "uuid" -> "Uuid";
            case "records" -> "Records";
            default -> name;
        };
    }

    String javaType() {
        return array ? "List<" + elementJavaType(true) + ">" : elementJavaType(false);
    }

    /** Suffix of the {@code Readable.readX()} / {@code Writable.writeX()} method for fixed-width types. */
    String primitiveAccessor() {
        return switch (name) {
            case "bool" -> "Bool";
            case "uuid" -> "Uuid";
            default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        };
    }

    @Override
    public String toString() {
        return (array ? "[]" : "") + name;
    }
}
