package dev.millrace.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The definition of a set of configuration keys: for each key its {@link Type}, default, {@link Validator},
 * {@link Importance} and documentation. Mirrors Kafka's {@code ConfigDef} by the porting rule, so code that
 * defines or parses Kafka configurations ports by changing imports.
 *
 * <p>{@link #parse(Map)} reads every defined key from a property map: a present value is parsed by
 * {@link #parseType(String, Object, Type)} (strings trimmed, booleans case-insensitive, lists split on commas),
 * an absent one takes the default, a key without default ({@link #NO_DEFAULT_VALUE}) that is absent fails with
 * {@code Missing required configuration "<key>" which has no default value.}, and the validator then checks the
 * result. Every failure is a {@link ConfigException}.
 *
 * <p>Difference from Kafka: a {@link Type#CLASS} default given as a class <em>name</em> is kept as that name and
 * loaded only when {@link AbstractConfig#getClass(String)} or a {@code getConfiguredInstance} method asks for it
 * (Kafka loads it when the key is defined). This lets a definition name a default class of a module that is not on
 * the class path; an explicitly set class name is still loaded, and rejected if missing, by {@link #parse(Map)}.
 * Groups, widths, display names, recommenders and dependents are stored but only used for documentation; the
 * validate/recommend and HTML documentation features of Kafka's class are not mirrored.
 *
 * <p>Thread-safety: build a definition on one thread (usually in a static initializer); once built it is only
 * read, and may be shared.
 */
public class ConfigDef {

    /** Marks a key as required: it has no default, and parsing fails when it is absent. */
    public static final Object NO_DEFAULT_VALUE = new Object();

    private final Map<String, ConfigKey> configKeys;
    private final List<String> groups;

    /** An empty definition. */
    public ConfigDef() {
        configKeys = new LinkedHashMap<>();
        groups = new ArrayList<>();
    }

    /**
     * A copy of {@code base} that can be extended without changing {@code base}.
     *
     * @param base the definition to copy
     */
    public ConfigDef(ConfigDef base) {
        configKeys = new LinkedHashMap<>(base.configKeys);
        groups = new ArrayList<>(base.groups);
    }

    /** @return the defined key names, in definition order, unmodifiable */
    public Set<String> names() {
        return Collections.unmodifiableSet(configKeys.keySet());
    }

    /** @return each key that has a default, mapped to that (parsed) default; a new mutable map */
    public Map<String, Object> defaultValues() {
        Map<String, Object> defaults = new HashMap<>();
        for (ConfigKey key : configKeys.values()) {
            if (key.hasDefault()) {
                defaults.put(key.name, key.defaultValue);
            }
        }
        return defaults;
    }

    /** @return the key definitions by name, in definition order, unmodifiable */
    public Map<String, ConfigKey> configKeys() {
        return Collections.unmodifiableMap(configKeys);
    }

    /** @return the group names in the order they were first used, unmodifiable */
    public List<String> groups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * Adds a key.
     *
     * @param key the key definition
     * @return this definition, for chaining
     * @throws ConfigException if a key of that name is already defined
     */
    public ConfigDef define(ConfigKey key) {
        if (configKeys.containsKey(key.name)) {
            throw new ConfigException("Configuration " + key.name + " is defined twice.");
        }
        if (key.group != null && !groups.contains(key.group)) {
            groups.add(key.group);
        }
        configKeys.put(key.name, key);
        return this;
    }

    /**
     * Adds a key with every attribute Kafka's widest overload takes.
     *
     * @param name the key
     * @param type how values are parsed
     * @param defaultValue the default, or {@link #NO_DEFAULT_VALUE} for a required key
     * @param validator checks parsed values, or {@code null}
     * @param importance how much an operator should care
     * @param documentation what the key means
     * @param group documentation group, or {@code null}
     * @param orderInGroup position in the group
     * @param width display width
     * @param displayName display name
     * @param dependents keys whose meaning depends on this one
     * @param recommender suggests values, or {@code null}
     * @return this definition
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, String group, int orderInGroup, Width width, String displayName,
                            List<String> dependents, Recommender recommender) {
        return define(new ConfigKey(name, type, defaultValue, validator, importance, documentation, group,
                orderInGroup, width, displayName, dependents, recommender, false));
    }

    /** Adds a key with a group and display attributes but no recommender. @return this definition */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, String group, int orderInGroup, Width width, String displayName,
                            List<String> dependents) {
        return define(name, type, defaultValue, validator, importance, documentation, group, orderInGroup, width,
                displayName, dependents, null);
    }

    /** Adds a key with a group and display attributes, no dependents. @return this definition */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, String group, int orderInGroup, Width width, String displayName) {
        return define(name, type, defaultValue, validator, importance, documentation, group, orderInGroup, width,
                displayName, List.of(), null);
    }

    /** Adds a key with a group but no validator. @return this definition */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation,
                            String group, int orderInGroup, Width width, String displayName) {
        return define(name, type, defaultValue, null, importance, documentation, group, orderInGroup, width,
                displayName);
    }

    /** Adds a required key (no default) with a group. @return this definition */
    public ConfigDef define(String name, Type type, Importance importance, String documentation, String group,
                            int orderInGroup, Width width, String displayName) {
        return define(name, type, NO_DEFAULT_VALUE, null, importance, documentation, group, orderInGroup, width,
                displayName);
    }

    /** Adds a key with a default and a validator. @return this definition */
    public ConfigDef define(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation) {
        return define(name, type, defaultValue, validator, importance, documentation, null, -1, Width.NONE, name);
    }

    /** Adds a key with a default and no validator. @return this definition */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation) {
        return define(name, type, defaultValue, null, importance, documentation);
    }

    /**
     * Adds a key whose documented default differs from its real one (for example a path that depends on the
     * machine); {@code alternativeString} is only kept for documentation.
     *
     * @return this definition
     */
    public ConfigDef define(String name, Type type, Object defaultValue, Importance importance, String documentation,
                            String alternativeString) {
        return define(new ConfigKey(name, type, defaultValue, null, importance, documentation, null, -1,
                Width.NONE, name, List.of(), null, false, alternativeString));
    }

    /** Adds a required key (no default, no validator). @return this definition */
    public ConfigDef define(String name, Type type, Importance importance, String documentation) {
        return define(name, type, NO_DEFAULT_VALUE, null, importance, documentation);
    }

    /**
     * Adds a key meant for Millrace's own use; it is parsed like any other but marked internal.
     *
     * @return this definition
     */
    public ConfigDef defineInternal(String name, Type type, Object defaultValue, Importance importance) {
        return defineInternal(name, type, defaultValue, null, importance, "");
    }

    /** Adds an internal key with a validator and documentation. @return this definition */
    public ConfigDef defineInternal(String name, Type type, Object defaultValue, Validator validator,
                                    Importance importance, String documentation) {
        return define(new ConfigKey(name, type, defaultValue, validator, importance, documentation, null, -1,
                Width.NONE, name, List.of(), null, true));
    }

    /**
     * Parses and validates every defined key of {@code props}; keys of {@code props} that are not defined here are
     * ignored.
     *
     * @param props the raw configuration, for example a {@link java.util.Properties}
     * @return each defined key mapped to its parsed value or default; a new mutable map
     * @throws ConfigException if a value does not parse or validate, or a required key is absent
     */
    public Map<String, Object> parse(Map<?, ?> props) {
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey key : configKeys.values()) {
            values.put(key.name, parseValue(key, props.get(key.name), props.containsKey(key.name)));
        }
        return values;
    }

    Object parseValue(ConfigKey key, Object value, boolean isSet) {
        Object parsed;
        if (isSet) {
            parsed = parseType(key.name, value, key.type);
        } else if (!key.hasDefault()) {
            throw new ConfigException("Missing required configuration \"" + key.name
                    + "\" which has no default value.");
        } else if (key.hasUnloadedClassDefault()) {
            return key.defaultValue;
        } else {
            parsed = key.defaultValue;
        }
        if (key.validator instanceof ValidList && parsed instanceof List) {
            parsed = ((List<?>) parsed).stream().distinct().collect(Collectors.toList());
        }
        if (key.validator != null) {
            key.validator.ensureValid(key.name, parsed);
        }
        return parsed;
    }

    /**
     * Parses one raw value with Kafka's rules for {@code type}; see {@link ConfigValueParser}.
     *
     * @param name the key, for the error message
     * @param value the raw value; {@code null} parses to {@code null}
     * @param type the expected type
     * @return the parsed value
     * @throws ConfigException if the value does not fit the type
     */
    public static Object parseType(String name, Object value, Type type) {
        return ConfigValueParser.parse(name, value, type);
    }

    /**
     * Renders a parsed value as configuration text: lists joined by commas, classes by name, others by
     * {@code toString()}.
     *
     * @param parsedValue the value, may be {@code null}
     * @param type its type, or {@code null} to use {@code toString()}
     * @return the text, or {@code null} for a {@code null} value
     */
    public static String convertToString(Object parsedValue, Type type) {
        return ConfigValueParser.toText(parsedValue, type);
    }

    /**
     * One defined key. Immutable after construction; the default is parsed (and validated) when the key is created,
     * except a {@link Type#CLASS} default given as a class name, which stays a name until first use.
     */
    public static class ConfigKey {
        /** The key. */
        public final String name;
        /** How values are parsed. */
        public final Type type;
        /** What the key means. */
        public final String documentation;
        /** The parsed default, or {@link #NO_DEFAULT_VALUE}. */
        public final Object defaultValue;
        /** Checks values, or {@code null}. */
        public final Validator validator;
        /** How much an operator should care. */
        public final Importance importance;
        /** Documentation group, or {@code null}. */
        public final String group;
        /** Position in the group. */
        public final int orderInGroup;
        /** Display width. */
        public final Width width;
        /** Display name. */
        public final String displayName;
        /** Keys whose meaning depends on this one. */
        public final List<String> dependents;
        /** Suggests values, or {@code null}. */
        public final Recommender recommender;
        /** Whether the key is for Millrace's own use. */
        public final boolean internalConfig;
        /** The default as documented, when it differs from the real one; otherwise {@code null}. */
        public final String alternativeString;

        /**
         * Defines a key; see {@link ConfigDef#define(String, Type, Object, Validator, Importance, String, String,
         * int, Width, String, List, Recommender)} for the parameters.
         *
         * @throws ConfigException if the default does not parse or validate
         */
        public ConfigKey(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                         String documentation, String group, int orderInGroup, Width width, String displayName,
                         List<String> dependents, Recommender recommender, boolean internalConfig) {
            this(name, type, defaultValue, validator, importance, documentation, group, orderInGroup, width,
                    displayName, dependents, recommender, internalConfig, null);
        }

        ConfigKey(String name, Type type, Object defaultValue, Validator validator, Importance importance,
                  String documentation, String group, int orderInGroup, Width width, String displayName,
                  List<String> dependents, Recommender recommender, boolean internalConfig,
                  String alternativeString) {
            this.name = name;
            this.type = type;
            boolean hasDefault = defaultValue != NO_DEFAULT_VALUE;
            boolean className = type == Type.CLASS && defaultValue instanceof String;
            if (!hasDefault) {
                this.defaultValue = NO_DEFAULT_VALUE;
            } else if (className) {
                this.defaultValue = ((String) defaultValue).trim();
            } else {
                this.defaultValue = parseType(name, defaultValue, type);
            }
            if (validator != null && hasDefault && !className) {
                validator.ensureValid(name, this.defaultValue);
            }
            this.validator = validator;
            this.importance = importance;
            this.documentation = documentation;
            this.group = group;
            this.orderInGroup = orderInGroup;
            this.width = width;
            this.displayName = displayName;
            this.dependents = dependents;
            this.recommender = recommender;
            this.internalConfig = internalConfig;
            this.alternativeString = alternativeString;
        }

        /** @return whether the key has a default (is optional) */
        public boolean hasDefault() {
            return defaultValue != NO_DEFAULT_VALUE;
        }

        /** @return how values of this key are parsed */
        public Type type() {
            return type;
        }

        boolean hasUnloadedClassDefault() {
            return type == Type.CLASS && defaultValue instanceof String;
        }
    }

    /** The type of a configuration value, which decides how {@link #parseType} reads it. */
    public enum Type {
        /** {@code Boolean}, or the text true/false in any case. */
        BOOLEAN,
        /** Trimmed {@code String}. */
        STRING,
        /** {@code Integer}, or its decimal text. */
        INT,
        /** {@code Short}, or its decimal text. */
        SHORT,
        /** {@code Long} or {@code Integer}, or decimal text. */
        LONG,
        /** Any {@code Number}, or its text. */
        DOUBLE,
        /** A {@code List}, or comma separated text (empty text is the empty list). */
        LIST,
        /** A {@code Class}, or the binary name of a class. */
        CLASS,
        /** A secret string, parsed into a {@link dev.millrace.common.config.types.Password}. */
        PASSWORD;

        /** @return whether values of this type are secret and must not be logged */
        public boolean isSensitive() {
            return this == PASSWORD;
        }
    }

    /** How much a user should care about a key. */
    public enum Importance {
        /** Usually needs setting. */
        HIGH,
        /** Often worth reviewing. */
        MEDIUM,
        /** Rarely changed. */
        LOW
    }

    /** Display width of a value in a user interface. */
    public enum Width {
        /** No preference. */
        NONE,
        /** Narrow. */
        SHORT,
        /** Medium. */
        MEDIUM,
        /** Wide. */
        LONG
    }

    /** Suggests valid values and visibility of a key given other parsed values (kept for API parity). */
    public interface Recommender {
        /**
         * @param name the key
         * @param parsedConfig the other parsed values
         * @return the values that are valid now
         */
        List<Object> validValues(String name, Map<String, Object> parsedConfig);

        /**
         * @param name the key
         * @param parsedConfig the other parsed values
         * @return whether the key is relevant now
         */
        boolean visible(String name, Map<String, Object> parsedConfig);
    }

    /** Checks one parsed value; {@link ConfigDef#parse(Map)} calls it for present values and for defaults. */
    public interface Validator {
        /**
         * @param name the key, for the error message
         * @param value the parsed value, may be {@code null}
         * @throws ConfigException if the value is not allowed
         */
        void ensureValid(String name, Object value);
    }

    /** A numeric range with inclusive bounds; either bound may be open. */
    public static class Range extends ConfigValidators.NumberRange {
        private Range(Number min, Number max) {
            super(min, max);
        }

        /** @param min the smallest allowed value @return a range with no upper bound */
        public static Range atLeast(Number min) {
            return new Range(min, null);
        }

        /** @param min the smallest @param max the largest allowed value @return the range */
        public static Range between(Number min, Number max) {
            return new Range(min, max);
        }
    }

    /** A list whose elements are non-empty, distinct and optionally drawn from a fixed set of strings. */
    public static class ValidList extends ConfigValidators.ListOfStrings {
        private ValidList(List<String> validStrings, boolean isEmptyAllowed, boolean isNullAllowed) {
            super(validStrings, isEmptyAllowed, isNullAllowed);
        }

        /** @return a validator for any distinct non-empty elements */
        public static ValidList anyNonDuplicateValues(boolean isEmptyAllowed, boolean isNullAllowed) {
            return new ValidList(List.of(), isEmptyAllowed, isNullAllowed);
        }

        /** @return a validator for elements among {@code validStrings}; the empty list is allowed */
        public static ValidList in(String... validStrings) {
            return new ValidList(List.of(validStrings), true, false);
        }

        /** @return a validator for elements among {@code validStrings} */
        public static ValidList in(boolean isEmptyAllowed, String... validStrings) {
            if (!isEmptyAllowed && validStrings.length == 0) {
                throw new IllegalArgumentException(
                        "At least one valid string must be provided when empty values are not allowed");
            }
            return new ValidList(List.of(validStrings), isEmptyAllowed, false);
        }
    }

    /** A string from a fixed, case-sensitive set ({@code null} is allowed only if listed). */
    public static class ValidString extends ConfigValidators.OneOf {
        private ValidString(List<String> validStrings) {
            super(validStrings, false);
        }

        /** @param validStrings the allowed values, may include {@code null} @return the validator */
        public static ValidString in(String... validStrings) {
            return new ValidString(java.util.Arrays.asList(validStrings));
        }
    }

    /** A non-null string from a fixed set, compared ignoring case. */
    public static class CaseInsensitiveValidString extends ConfigValidators.OneOf {
        private CaseInsensitiveValidString(List<String> validStrings) {
            super(validStrings, true);
        }

        /** @param validStrings the allowed values @return the validator */
        public static CaseInsensitiveValidString in(String... validStrings) {
            return new CaseInsensitiveValidString(List.of(validStrings));
        }
    }

    /** Rejects {@code null}. */
    public static class NonNullValidator extends ConfigValidators.NonNull {
    }

    /** A validator made of a check and a description. */
    public static class LambdaValidator extends ConfigValidators.Lambda {
        private LambdaValidator(java.util.function.BiConsumer<String, Object> check,
                                java.util.function.Supplier<String> description) {
            super(check, description);
        }

        /** @param check throws for bad values @param description describes the valid values @return it */
        public static LambdaValidator with(java.util.function.BiConsumer<String, Object> check,
                                           java.util.function.Supplier<String> description) {
            return new LambdaValidator(check, description);
        }
    }

    /** Runs several validators in order; the first failure wins. */
    public static class CompositeValidator extends ConfigValidators.AllOf {
        private CompositeValidator(List<Validator> validators) {
            super(validators);
        }

        /** @param validators the checks @return a validator running them all */
        public static CompositeValidator of(Validator... validators) {
            return new CompositeValidator(List.of(validators));
        }
    }

    /** Rejects the empty string; {@code null} passes. */
    public static class NonEmptyString extends ConfigValidators.NotEmpty {
    }

    /** Rejects the empty string and strings holding ISO control characters; {@code null} passes. */
    public static class NonEmptyStringWithoutControlChars extends ConfigValidators.NoControlChars {
        /** @return a new validator */
        public static NonEmptyStringWithoutControlChars nonEmptyStringWithoutControlChars() {
            return new NonEmptyStringWithoutControlChars();
        }
    }

    /** Rejects lists longer than a maximum. */
    public static class ListSize extends ConfigValidators.MaxSize {
        private ListSize(int maxSize) {
            super(maxSize);
        }

        /** @param maxSize the largest allowed size @return the validator */
        public static ListSize atMostOfSize(int maxSize) {
            return new ListSize(maxSize);
        }
    }
}
