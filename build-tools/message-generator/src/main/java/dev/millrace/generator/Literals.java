package dev.millrace.generator;

/**
 * Default values of fields: checking the literal written in a definition, and turning it into the
 * Java initializer and the "is this the default?" test that the emitter needs.
 *
 * <p>Natural defaults when none is written: 0 for numbers, false, "" for strings, an empty array of
 * bytes, the zero uuid, null records, an empty list, and a new struct. {@code default=null} asks for
 * null instead (nullable fields only).
 */
final class Literals {
    private Literals() {
    }

    static void checkDefault(FieldSpec field, String file) {
        String d = field.defaultValue();
        if (d == null) {
            return;
        }
        String where = "file=" + file + " line=" + field.line() + " field=" + field.name();
        if (d.equals("null")) {
            if (field.nullableVersions().isEmpty()) {
                throw new IllegalArgumentException(where + " reason=nullDefaultOnNonNullableField");
            }
            return;
        }
        FieldType type = field.type();
        if (type.array() || type.isStruct() || type.name().equals("bytes") || type.name().equals("records")) {
            throw new IllegalArgumentException(where + " reason=onlyNullDefaultAllowedForType type=" + type);
        }
        switch (type.name()) {
            case "bool" -> {
                if (!d.equals("true") && !d.equals("false")) {
                    throw new IllegalArgumentException(where + " reason=badBooleanDefault default=" + d);
                }
            }
            case "float64" -> Double.parseDouble(d);
            case "string" -> {
            }
            case "uuid" -> {
                if (!d.matches("[A-Za-z0-9_-]{22}")) {
                    throw new IllegalArgumentException(where + " reason=badUuidDefault default=" + d);
                }
            }
            default -> {
                long value;
                try {
                    value = Long.decode(d);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " reason=badIntegerDefault default=" + d, e);
                }
                long[] range = range(type.name());
                if (value < range[0] || value > range[1]) {
                    throw new IllegalArgumentException(where + " reason=defaultOutOfRange default=" + d);
                }
            }
        }
    }

    private static long[] range(String type) {
        return switch (type) {
            case "int8" -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case "int16" -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case "uint16" -> new long[] {0, 65535};
            case "int32" -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case "uint32" -> new long[] {0, 0xffffffffL};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    /** The Java expression a field is initialized with. */
    static String initializer(FieldSpec field) {
        FieldType type = field.type();
        String d = field.defaultValue();
        if (field.defaultsToNull()) {
            return "null";
        }
        if (type.array()) {
            return "new ArrayList<>(0)";
        }
        if (type.isStruct()) {
            return "new " + type.name() + "()";
        }
        return switch (type.name()) {
            case "bool" -> d == null ? "false" : d;
            case "int8" -> "(byte) " + number(d);
            case "int16" -> "(short) " + number(d);
            case "uint16", "int32" -> Long.toString(number(d));
            case "uint32", "int64" -> number(d) + "L";
            case "float64" -> d == null ? "0.0" : Double.toString(Double.parseDouble(d));
            case "string" -> d == null ? "\"\"" : quote(d);
            case "bytes" -> "new byte[0]";
            case "uuid" -> d == null ? "Uuid.ZERO_UUID" : "Uuid.fromString(" + quote(d) + ")";
            case "records" -> "null";
            default -> throw new IllegalStateException("type=" + type);
        };
    }

    /** A Java boolean expression that is true when {@code ref} holds the field's default. */
    static String isDefault(FieldSpec field, String ref) {
        FieldType type = field.type();
        if (field.defaultsToNull() || type.name().equals("records")) {
            return ref + " == null";
        }
        if (type.array()) {
            return "(" + ref + " != null && " + ref + ".isEmpty())";
        }
        if (type.isStruct()) {
            return "(" + ref + " != null && " + ref + ".equals(new " + type.name() + "()))";
        }
        return switch (type.name()) {
            case "string", "uuid" -> initializer(field) + ".equals(" + ref + ")";
            case "bytes" -> "(" + ref + " != null && " + ref + ".length == 0)";
            case "float64" -> "Double.compare(" + ref + ", " + initializer(field) + ") == 0";
            default -> ref + " == " + initializer(field);
        };
    }

    private static long number(String d) {
        return d == null ? 0 : Long.decode(d);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
