package dev.millrace.common.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The checks behind the public validators nested in {@link ConfigDef} ({@code ConfigDef.Range},
 * {@code ConfigDef.ValidList}, ...). They live here so that {@link ConfigDef} stays readable; the public nested
 * classes only add Kafka's factory methods. Messages and {@code toString()} texts are Kafka's, so an operator sees
 * the same error from Millrace as from Kafka. All validators are immutable and thread-safe.
 */
final class ConfigValidators {

    private ConfigValidators() {
    }

    /** Inclusive numeric bounds compared as doubles; a {@code null} bound is open. */
    static class NumberRange implements ConfigDef.Validator {
        private final Number min;
        private final Number max;

        NumberRange(Number min, Number max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "Value must be non-null");
            }
            double number = ((Number) value).doubleValue();
            if (min != null && number < min.doubleValue()) {
                throw new ConfigException(name, value, "Value must be at least " + min);
            }
            if (max != null && number > max.doubleValue()) {
                throw new ConfigException(name, value, "Value must be no more than " + max);
            }
        }

        @Override
        public String toString() {
            if (min == null && max == null) {
                return "[...]";
            }
            if (min == null) {
                return "[...," + max + "]";
            }
            return max == null ? "[" + min + ",...]" : "[" + min + ",...," + max + "]";
        }
    }

    /** A list of distinct non-empty strings, optionally from a fixed set. */
    static class ListOfStrings implements ConfigDef.Validator {
        private final OneOf validStrings;
        private final List<String> allowed;
        private final boolean isEmptyAllowed;
        private final boolean isNullAllowed;

        ListOfStrings(List<String> allowed, boolean isEmptyAllowed, boolean isNullAllowed) {
            this.validStrings = new OneOf(allowed, false);
            this.allowed = allowed;
            this.isEmptyAllowed = isEmptyAllowed;
            this.isNullAllowed = isNullAllowed;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                if (isNullAllowed) {
                    return;
                }
                throw new ConfigException("Configuration '" + name + "' values must not be null.");
            }
            List<?> values = (List<?>) value;
            if (!isEmptyAllowed && values.isEmpty()) {
                String valid = allowed.isEmpty() ? "any non-empty value" : validStrings.toString();
                throw new ConfigException("Configuration '" + name + "' must not be empty. Valid values include: "
                        + valid);
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw new ConfigException("Configuration '" + name + "' values must not be duplicated.");
            }
            for (Object element : values) {
                if (element instanceof String) {
                    if (((String) element).isEmpty()) {
                        throw new ConfigException("Configuration '" + name + "' values must not be empty.");
                    }
                    if (!allowed.isEmpty()) {
                        validStrings.ensureValid(name, element);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return allowed.isEmpty() ? "" : validStrings.toString();
        }
    }

    /** One string from a fixed set, case-sensitive (null allowed when listed) or case-insensitive (never null). */
    static class OneOf implements ConfigDef.Validator {
        private final List<String> validStrings;
        private final Set<String> upperCase;
        private final boolean ignoreCase;

        OneOf(List<String> validStrings, boolean ignoreCase) {
            this.validStrings = new ArrayList<>(validStrings);
            this.ignoreCase = ignoreCase;
            this.upperCase = ignoreCase
                    ? validStrings.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet())
                    : Set.of();
        }

        @Override
        public void ensureValid(String name, Object value) {
            String text = (String) value;
            if (!ignoreCase && !validStrings.contains(text)) {
                throw new ConfigException(name, value, "String must be one of: " + String.join(", ", validStrings));
            }
            if (ignoreCase && (text == null || !upperCase.contains(text.toUpperCase(Locale.ROOT)))) {
                throw new ConfigException(name, value,
                        "String must be one of (case insensitive): " + String.join(", ", upperCase));
            }
        }

        @Override
        public String toString() {
            return ignoreCase
                    ? "(case insensitive) [" + String.join(", ", upperCase) + "]"
                    : "[" + String.join(", ", validStrings) + "]";
        }
    }

    /** Rejects {@code null}. */
    static class NonNull implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, "null", "entry must be non null");
            }
        }

        @Override
        public String toString() {
            return "non-null string";
        }
    }

    /** A check and a description given as functions. */
    static class Lambda implements ConfigDef.Validator {
        private final BiConsumer<String, Object> check;
        private final Supplier<String> description;

        Lambda(BiConsumer<String, Object> check, Supplier<String> description) {
            this.check = check;
            this.description = description;
        }

        @Override
        public void ensureValid(String name, Object value) {
            check.accept(name, value);
        }

        @Override
        public String toString() {
            return description.get();
        }
    }

    /** Several validators in order. */
    static class AllOf implements ConfigDef.Validator {
        private final List<ConfigDef.Validator> validators;

        AllOf(List<ConfigDef.Validator> validators) {
            this.validators = List.copyOf(validators);
        }

        @Override
        public void ensureValid(String name, Object value) {
            for (ConfigDef.Validator validator : validators) {
                validator.ensureValid(name, value);
            }
        }

        @Override
        public String toString() {
            return validators.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
    }

    /** Rejects the empty string. */
    static class NotEmpty implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = (String) value;
            if (text != null && text.isEmpty()) {
                throw new ConfigException(name, value, "String must be non-empty");
            }
        }

        @Override
        public String toString() {
            return "non-empty string";
        }
    }

    /** Rejects the empty string and ISO control characters. */
    static class NoControlChars implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = (String) value;
            if (text == null) {
                return;
            }
            if (text.isEmpty()) {
                throw new ConfigException(name, value, "String may not be empty");
            }
            List<Integer> illegal = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                if (Character.isISOControl(text.codePointAt(i))) {
                    illegal.add(text.codePointAt(i));
                }
            }
            if (!illegal.isEmpty()) {
                throw new ConfigException(name, value,
                        "String may not contain control sequences but had the following ASCII chars: "
                                + illegal.stream().map(Object::toString).collect(Collectors.joining(", ")));
            }
        }

        @Override
        public String toString() {
            return "non-empty string without ISO control characters";
        }
    }

    /** Rejects lists longer than a maximum. */
    static class MaxSize implements ConfigDef.Validator {
        private final int maxSize;

        MaxSize(int maxSize) {
            this.maxSize = maxSize;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (((List<?>) value).size() > maxSize) {
                throw new ConfigException(name, value, "exceeds maximum list size of [" + maxSize + "].");
            }
        }

        @Override
        public String toString() {
            return "List containing maximum of " + maxSize + " elements";
        }
    }
}
