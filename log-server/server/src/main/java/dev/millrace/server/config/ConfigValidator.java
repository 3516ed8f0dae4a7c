package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule a parsed configuration value must satisfy, with Kafka's wording for the failures
 * ({@code Value must be at least 1}, {@code String must be one of: ...}). Implementations are
 * stateless and thread-safe; {@code null} values (a key left unset) always pass.
 */
@FunctionalInterface
public interface ConfigValidator {

    /**
     * Checks {@code value}, the parsed value of key {@code name}.
     *
     * @throws ConfigException naming the key and the value when the rule is broken
     */
    void ensureValid(String name, Object value);

    /** Numbers at least {@code min}. */
    static ConfigValidator atLeast(long min) {
        return between(min, null);
    }

    /**
     * Numbers in {@code [min, max]}; a {@code null} bound is open.
     *
     * @param min the smallest allowed value, or {@code null}
     * @param max the largest allowed value, or {@code null}
     */
    static ConfigValidator between(Number min, Number max) {
        return (name, value) -> {
            if (value == null) {
                return;
            }
            double n = ((Number) value).doubleValue();
            if (min != null && n < min.doubleValue()) {
                throw new ConfigException(name, value, "Value must be at least " + min);
            }
            if (max != null && n > max.doubleValue()) {
                throw new ConfigException(name, value, "Value must be no more than " + max);
            }
        };
    }

    /** Integers in {@code [min, max]} or exactly {@code extra} (Kafka's compression level rule). */
    static ConfigValidator betweenOrEqual(int min, int max, int extra) {
        return (name, value) -> {
            if (value == null) {
                return;
            }
            int n = ((Number) value).intValue();
            if (n != extra && (n < min || n > max)) {
                throw new ConfigException(name, value,
                        "Value must be between " + min + " and " + max + " or equal to " + extra);
            }
        };
    }

    /** Strings equal to one of {@code allowed} (letter case matters). */
    static ConfigValidator oneOf(String... allowed) {
        List<String> valid = List.of(allowed);
        return (name, value) -> {
            if (value != null && !valid.contains(value)) {
                throw new ConfigException(name, value, "String must be one of: " + String.join(", ", valid));
            }
        };
    }

    /** Strings equal to one of {@code allowed}, ignoring letter case. */
    static ConfigValidator oneOfIgnoreCase(String... allowed) {
        List<String> valid = List.of(allowed);
        return (name, value) -> {
            if (value == null) {
                return;
            }
            String upper = value.toString().toUpperCase(Locale.ROOT);
            if (valid.stream().noneMatch(v -> v.toUpperCase(Locale.ROOT).equals(upper))) {
                throw new ConfigException(name, value,
                        "String must be one of (case insensitive): " + String.join(", ", valid));
            }
        };
    }

    /**
     * Lists whose items are all in {@code allowed}, without duplicates, and not empty unless
     * {@code allowEmpty}.
     */
    static ConfigValidator listOf(boolean allowEmpty, String... allowed) {
        List<String> valid = List.of(allowed);
        return (name, value) -> {
            if (value == null) {
                return;
            }
            List<?> items = (List<?>) value;
            if (items.isEmpty() && !allowEmpty) {
                throw new ConfigException("Configuration '" + name + "' must not be empty. Valid values include: "
                        + valid);
            }
            Set<Object> seen = new HashSet<>();
            for (Object item : items) {
                if (!valid.contains(item)) {
                    throw new ConfigException(name, item, "String must be one of: " + String.join(", ", valid));
                }
                if (!seen.add(item)) {
                    throw new ConfigException("Configuration '" + name + "' values must not be duplicated.");
                }
            }
        };
    }

    /** Lists with at least one item. */
    static ConfigValidator nonEmptyList() {
        return (name, value) -> {
            if (value != null && ((List<?>) value).isEmpty()) {
                throw new ConfigException("Configuration '" + name
                        + "' must not be empty. Valid values include: any non-empty value");
            }
        };
    }

    /** The literal {@code *} or a list of {@code partitionId:brokerId} pairs (replication throttles). */
    static ConfigValidator throttledReplicas() {
        Pattern pair = Pattern.compile("\\d+:\\d+");
        return (name, value) -> {
            if (value == null) {
                return;
            }
            List<?> items = (List<?>) value;
            boolean wildcard = items.size() == 1 && "*".equals(items.get(0));
            if (!wildcard && !items.stream().allMatch(item -> pair.matcher(item.toString()).matches())) {
                throw new ConfigException(name, items, "expected * or a comma-separated list of"
                        + " partitionId:brokerId pairs");
            }
        };
    }
}
