package dev.millrace.common.config;

import dev.millrace.common.config.types.Password;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a raw configuration value (a {@code String} from a properties file, or an already typed Java object)
 * into the Java object of a {@link ConfigDef.Type}, with Kafka's rules: strings are trimmed, booleans are
 * case-insensitive {@code true}/{@code false}, {@code LONG} also takes an {@code Integer}, {@code DOUBLE} takes
 * any {@code Number}, a {@code LIST} string is split on commas with surrounding whitespace dropped (an empty or
 * blank string is the empty list), and a {@code CLASS} string is loaded through the context class loader.
 *
 * <p>Stateless; every failure is a {@link ConfigException} in Kafka's shape
 * {@code Invalid value <value> for configuration <name>: <reason>}.
 */
final class ConfigValueParser {

    private static final Pattern COMMA_WITH_WHITESPACE = Pattern.compile("\\s*,\\s*");

    private ConfigValueParser() {
    }

    static Object parse(String name, Object value, ConfigDef.Type type) {
        if (value == null) {
            return null;
        }
        String trimmed = value instanceof String ? ((String) value).trim() : null;
        try {
            switch (type) {
                case BOOLEAN:
                    return parseBoolean(name, value, trimmed);
                case PASSWORD:
                    if (value instanceof Password) {
                        return value;
                    }
                    return new Password(requireString(name, value, trimmed));
                case STRING:
                    return requireString(name, value, trimmed);
                case INT:
                    if (value instanceof Integer) {
                        return value;
                    }
                    return Integer.parseInt(requireText(name, value, trimmed, "a 32-bit integer"));
                case SHORT:
                    if (value instanceof Short) {
                        return value;
                    }
                    return Short.parseShort(requireText(name, value, trimmed, "a 16-bit integer (short)"));
                case LONG:
                    if (value instanceof Integer) {
                        return ((Integer) value).longValue();
                    }
                    if (value instanceof Long) {
                        return value;
                    }
                    return Long.parseLong(requireText(name, value, trimmed, "a 64-bit integer (long)"));
                case DOUBLE:
                    if (value instanceof Number) {
                        return ((Number) value).doubleValue();
                    }
                    return Double.parseDouble(requireText(name, value, trimmed, "a double"));
                case LIST:
                    return parseList(name, value, trimmed);
                case CLASS:
                    return parseClass(name, value, trimmed);
                default:
                    throw new IllegalStateException("Unknown type. type=" + type);
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(name, value, "Not a number of type " + type);
        }
    }

    private static Object parseBoolean(String name, Object value, String trimmed) {
        if (value instanceof Boolean) {
            return value;
        }
        if (trimmed != null && trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed != null && trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(name, value, "Expected value to be either true or false");
    }

    private static String requireString(String name, Object value, String trimmed) {
        if (trimmed == null) {
            throw new ConfigException(name, value,
                    "Expected value to be a string, but it was a " + value.getClass().getName());
        }
        return trimmed;
    }

    private static String requireText(String name, Object value, String trimmed, String expected) {
        if (trimmed == null) {
            throw new ConfigException(name, value,
                    "Expected value to be " + expected + ", but it was a " + value.getClass().getName());
        }
        return trimmed;
    }

    private static Object parseList(String name, Object value, String trimmed) {
        if (value instanceof List) {
            return value;
        }
        if (trimmed == null) {
            throw new ConfigException(name, value, "Expected a comma separated list.");
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(COMMA_WITH_WHITESPACE.split(trimmed, -1));
    }

    private static Object parseClass(String name, Object value, String trimmed) {
        if (value instanceof Class) {
            return value;
        }
        if (trimmed == null) {
            throw new ConfigException(name, value, "Expected a Class instance or class name.");
        }
        return loadClass(name, value, trimmed);
    }

    static Class<?> loadClass(String name, Object value, String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigValueParser.class.getClassLoader();
        }
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ConfigException(name, value, "Class " + value + " could not be found.");
        }
    }

    static String toText(Object parsedValue, ConfigDef.Type type) {
        if (parsedValue == null) {
            return null;
        }
        if (type == ConfigDef.Type.LIST) {
            return ((List<?>) parsedValue).stream().map(Object::toString).collect(Collectors.joining(","));
        }
        if (type == ConfigDef.Type.CLASS && parsedValue instanceof Class) {
            return ((Class<?>) parsedValue).getName();
        }
        return parsedValue.toString();
    }
}
