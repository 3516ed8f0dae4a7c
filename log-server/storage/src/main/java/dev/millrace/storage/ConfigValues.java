package dev.millrace.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsing of {@code key=value} configs (topic and broker) on top of defaults, with one error style:
 * {@code IllegalArgumentException("config=<key> value=<value> reason=<rule>")}. Stateless.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    /**
     * The defaults overlaid with {@code overrides}.
     *
     * @param kind what the keys are, for the error of an unknown key (for example {@code TopicConfig})
     * @throws IllegalArgumentException naming the first key that has no default
     */
    public static Map<String, String> merged(Map<String, String> defaults, Map<String, String> overrides, String kind) {
        for (String key : overrides.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("config=" + key + " reason=unknown" + kind);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(overrides);
        return all;
    }

    /** The integer at {@code key}, which must lie in {@code [min, max]}. */
    public static long longIn(Map<String, String> all, String key, long min, long max) {
        String text = all.get(key).trim();
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config=" + key + " value=" + text + " reason=notAnInteger", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("config=" + key + " value=" + text + " reason=outOfRange min=" + min
                    + " max=" + max);
        }
        return value;
    }

    /** The number at {@code key}, which must lie in {@code [min, max]}. */
    public static double doubleIn(Map<String, String> all, String key, double min, double max) {
        String text = all.get(key).trim();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config=" + key + " value=" + text + " reason=notANumber", e);
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("config=" + key + " value=" + text + " reason=outOfRange min=" + min
                    + " max=" + max);
        }
        return value;
    }

    /** The boolean ({@code true} or {@code false}) at {@code key}. */
    public static boolean booleanOf(Map<String, String> all, String key) {
        String text = all.get(key).trim();
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("config=" + key + " value=" + text + " reason=notABoolean");
        }
        return Boolean.parseBoolean(text);
    }
}
