package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The type of a configuration value, with the numeric id DescribeConfigs puts on the wire
 * ({@code configType}: 1 BOOLEAN, 2 STRING, 3 INT, 4 SHORT, 5 LONG, 6 DOUBLE, 7 LIST, 8 CLASS,
 * 9 PASSWORD; 0 means unknown and has no constant here).
 *
 * <p>Parsing follows Kafka's rules: surrounding whitespace is ignored; booleans are {@code true} or
 * {@code false} in any letter case; numbers must fit the type; a list is split at commas (with any
 * whitespace around them) and an empty text is the empty list. Parsed values are {@link Boolean},
 * {@link String}, {@link Integer}, {@link Short}, {@link Long}, {@link Double} or an unmodifiable
 * {@code List<String>}. Every failure is a {@link ConfigException} naming the key.
 */
public enum ConfigType {
    BOOLEAN(1),
    STRING(2),
    INT(3),
    SHORT(4),
    LONG(5),
    DOUBLE(6),
    LIST(7),
    CLASS(8),
    PASSWORD(9);

    private final int id;

    ConfigType(int id) {
        this.id = id;
    }

    /** The DescribeConfigs wire id of this type. */
    public int id() {
        return id;
    }

    /**
     * Parses {@code text}, the value of key {@code name}.
     *
     * @return the parsed value, or {@code null} when {@code text} is {@code null}
     * @throws ConfigException naming {@code name} when {@code text} is not a value of this type
     */
    public Object parse(String name, String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return switch (this) {
                case BOOLEAN -> parseBoolean(name, trimmed);
                case STRING, CLASS, PASSWORD -> trimmed;
                case INT -> Integer.parseInt(trimmed);
                case SHORT -> Short.parseShort(trimmed);
                case LONG -> Long.parseLong(trimmed);
                case DOUBLE -> Double.parseDouble(trimmed);
                case LIST -> parseList(trimmed);
            };
        } catch (NumberFormatException e) {
            throw new ConfigException(name, text, "Not a number of type " + name());
        }
    }

    private static Boolean parseBoolean(String name, String trimmed) {
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        throw new ConfigException(name, trimmed, "Expected value to be either true or false");
    }

    private static List<String> parseList(String trimmed) {
        if (trimmed.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : trimmed.split("\\s*,\\s*", -1)) {
            items.add(item);
        }
        return Collections.unmodifiableList(items);
    }

    /**
     * The text form of a parsed value, as DescribeConfigs shows it: lists joined by commas, numbers
     * and booleans by {@code toString}, {@code null} stays {@code null}.
     */
    public String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder();
            for (Object item : list) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(item);
            }
            return text.toString();
        }
        return value.toString();
    }
}
