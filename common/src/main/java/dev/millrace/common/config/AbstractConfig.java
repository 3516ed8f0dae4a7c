package dev.millrace.common.config;

import dev.millrace.common.config.types.Password;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed configuration: the user's original key/value pairs plus the typed values of every key a
 * {@link ConfigDef} defines. Mirrors Kafka's {@code AbstractConfig}: typed getters ({@link #getInt},
 * {@link #getList}, ...), prefix views ({@link #originalsWithPrefix(String)}), reflective creation of configured
 * plug-ins ({@link #getConfiguredInstance(String, Class)}), and tracking of which original keys were read so that
 * {@link #unused()} can report typos.
 *
 * <p>Construction parses and validates everything once and throws {@link ConfigException} on the first bad or
 * missing value; afterwards the values never change. Subclasses may adjust values in
 * {@link #postProcessParsedConfig(Map)} (the adjusted values are validated again). The maps returned by
 * {@link #originals()} and friends are fresh copies that record reads of their keys as "used".
 *
 * <p>Differences from Kafka: config providers ({@code ${provider:path:key}} variables) are not resolved: the
 * {@value #CONFIG_PROVIDERS_CONFIG} key is accepted and ignored; the value dump at construction is logged at
 * DEBUG rather than INFO; a {@code CLASS} key whose default is a class name is loaded on first use (see
 * {@link ConfigDef}). Thread-safety: safe to share after construction; the used-key set is concurrent.
 */
public class AbstractConfig {

    private static final System.Logger LOG = System.getLogger(AbstractConfig.class.getName());

    /** The system property listing the config provider classes that may be used automatically. */
    public static final String AUTOMATIC_CONFIG_PROVIDERS_PROPERTY = "dev.millrace.automatic.config.providers";

    /** Names the config providers that may resolve variables in values (accepted, not used yet). */
    public static final String CONFIG_PROVIDERS_CONFIG = "config.providers";

    /** Documentation of {@link #CONFIG_PROVIDERS_CONFIG}. */
    public static final String CONFIG_PROVIDERS_DOC =
            "Comma-separated names of ConfigProvider classes, loaded in that order, that may supply values for "
                    + "variables of the form ${provider:path:key} in other configuration values.";

    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> originals;
    private final Map<String, Object> values;
    private final ConfigDef definition;

    /**
     * Parses {@code originals} against {@code definition} and logs the result.
     *
     * @param definition the keys to read
     * @param originals the user's configuration; keys must be strings
     * @throws ConfigException if a value is invalid, a required key is missing, or a key is not a string
     */
    public AbstractConfig(ConfigDef definition, Map<?, ?> originals) {
        this(definition, originals, true);
    }

    /**
     * Parses {@code originals} against {@code definition}.
     *
     * @param definition the keys to read
     * @param originals the user's configuration; keys must be strings
     * @param doLog whether to log the parsed values
     * @throws ConfigException if a value is invalid, a required key is missing, or a key is not a string
     */
    @SuppressWarnings("this-escape") // Kafka's contract: subclasses see the parsed values in postProcessParsedConfig
    public AbstractConfig(ConfigDef definition, Map<?, ?> originals, boolean doLog) {
        this.definition = definition;
        this.originals = preProcessParsedConfig(Collections.unmodifiableMap(stringKeyed(originals)));
        this.values = definition.parse(this.originals);
        Map<String, Object> updates = postProcessParsedConfig(Collections.unmodifiableMap(this.values));
        for (Map.Entry<String, Object> update : updates.entrySet()) {
            ConfigDef.ConfigKey key = definition.configKeys().get(update.getKey());
            Object value = key == null ? update.getValue() : definition.parseValue(key, update.getValue(), true);
            this.values.put(update.getKey(), value);
        }
        if (doLog) {
            logAll();
        }
    }

    /**
     * Lets a subclass check or rewrite the user's originals before parsing.
     *
     * @param parsedValues the originals, unmodifiable
     * @return the originals to parse
     */
    protected Map<String, Object> preProcessParsedConfig(Map<String, Object> parsedValues) {
        return parsedValues;
    }

    /**
     * Lets a subclass derive "secondary defaults" from the parsed values.
     *
     * @param parsedValues the parsed values including defaults, unmodifiable
     * @return values to replace; they are parsed and validated like user values
     */
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
        return Collections.emptyMap();
    }

    /**
     * @param key a defined key
     * @return its parsed value (a {@code CLASS} key with a class-name default may return that name)
     * @throws ConfigException if the key is not defined
     */
    protected Object get(String key) {
        if (!values.containsKey(key)) {
            throw new ConfigException(String.format("Unknown configuration '%s'", key));
        }
        used.add(key);
        return values.get(key);
    }

    /** Marks {@code key} as used without reading it. @param key the key */
    public void ignore(String key) {
        used.add(key);
    }

    /** @param key a {@code SHORT} key @return its value */
    public Short getShort(String key) {
        return (Short) get(key);
    }

    /** @param key an {@code INT} key @return its value */
    public Integer getInt(String key) {
        return (Integer) get(key);
    }

    /** @param key a {@code LONG} key @return its value */
    public Long getLong(String key) {
        return (Long) get(key);
    }

    /** @param key a {@code DOUBLE} key @return its value */
    public Double getDouble(String key) {
        return (Double) get(key);
    }

    /** @param key a {@code LIST} key @return its value */
    @SuppressWarnings("unchecked") // LIST values are List<String> by ConfigDef's parsing rules, as in Kafka
    public List<String> getList(String key) {
        return (List<String>) get(key);
    }

    /** @param key a {@code BOOLEAN} key @return its value */
    public Boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /** @param key a {@code STRING} key @return its value, trimmed */
    public String getString(String key) {
        String value = (String) get(key);
        return value == null ? null : value.trim();
    }

    /** @param key a {@code PASSWORD} key @return its value */
    public Password getPassword(String key) {
        return (Password) get(key);
    }

    /**
     * @param key a {@code CLASS} key
     * @return the class, loaded now if the value is still a class name
     * @throws ConfigException if a class name cannot be loaded
     */
    public Class<?> getClass(String key) {
        Object value = get(key);
        if (value instanceof String) {
            return ConfigValueParser.loadClass(key, value, ((String) value).trim());
        }
        return (Class<?>) value;
    }

    /** @param key a key @return its type, or {@code null} if not defined */
    public ConfigDef.Type typeOf(String key) {
        ConfigDef.ConfigKey configKey = definition.configKeys().get(key);
        return configKey == null ? null : configKey.type;
    }

    /** @param key a key @return its documentation, or {@code null} if not defined */
    public String documentationOf(String key) {
        ConfigDef.ConfigKey configKey = definition.configKeys().get(key);
        return configKey == null ? null : configKey.documentation;
    }

    /** @return the original keys that nothing has read yet; a new set */
    public Set<String> unused() {
        Set<String> keys = new java.util.HashSet<>(originals.keySet());
        keys.removeAll(used);
        return keys;
    }

    /** Logs the original keys that nothing has read, if any (they are often typos). */
    public void logUnused() {
        Set<String> unused = unused();
        if (!unused.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "These configurations ''{0}'' were supplied but are not used yet.",
                    unused);
        }
    }

    /** @return a copy of the user's configuration that records reads */
    public Map<String, Object> originals() {
        Map<String, Object> copy = new RecordingMap<>("", false);
        copy.putAll(originals);
        return copy;
    }

    /** @param configOverrides entries that replace originals @return a recording copy with the overrides */
    public Map<String, Object> originals(Map<String, Object> configOverrides) {
        Map<String, Object> copy = originals();
        copy.putAll(configOverrides);
        return copy;
    }

    /**
     * @return the originals, all of whose values must be strings
     * @throws ClassCastException if a value is not a string
     */
    public Map<String, String> originalsStrings() {
        Map<String, String> copy = new RecordingMap<>("", false);
        for (Map.Entry<String, Object> entry : originals.entrySet()) {
            if (!(entry.getValue() instanceof String)) {
                throw new ClassCastException("Non-string value found in original settings for key " + entry.getKey()
                        + ": " + (entry.getValue() == null ? null : entry.getValue().getClass().getName()));
            }
            copy.put(entry.getKey(), (String) entry.getValue());
        }
        return copy;
    }

    /** @param prefix the prefix @return the originals whose key starts with (and is longer than) it, stripped */
    public Map<String, Object> originalsWithPrefix(String prefix) {
        return originalsWithPrefix(prefix, true);
    }

    /**
     * @param prefix the prefix
     * @param strip whether to remove the prefix from the returned keys
     * @return the originals whose key starts with, and is longer than, {@code prefix}; records reads
     */
    public Map<String, Object> originalsWithPrefix(String prefix, boolean strip) {
        Map<String, Object> result = new RecordingMap<>(prefix, false);
        for (Map.Entry<String, Object> entry : originals.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                result.put(strip ? key.substring(prefix.length()) : key, entry.getValue());
            }
        }
        return result;
    }

    /**
     * All parsed values, with any {@code prefix + key} original (parsed by the definition of {@code key}, or of
     * the part after the first dot of {@code key}) overriding the plain value.
     *
     * @param prefix the override prefix
     * @return a recording map
     */
    public Map<String, Object> valuesWithPrefixOverride(String prefix) {
        Map<String, Object> result = new RecordingMap<>(prefix, true);
        result.putAll(values);
        for (Map.Entry<String, Object> entry : originals.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix) || key.length() <= prefix.length()) {
                continue;
            }
            String stripped = key.substring(prefix.length());
            ConfigDef.ConfigKey configKey = definition.configKeys().get(stripped);
            if (configKey == null) {
                configKey = definition.configKeys().get(stripped.substring(stripped.indexOf('.') + 1));
            }
            if (configKey != null) {
                result.put(stripped, definition.parseValue(configKey, entry.getValue(), true));
            }
        }
        return result;
    }

    /**
     * The parsed prefixed values if any original has {@code prefix}, otherwise all plain parsed values.
     *
     * @param prefix the prefix
     * @return a recording map
     */
    public Map<String, Object> valuesWithPrefixAllOrNothing(String prefix) {
        Map<String, Object> withPrefix = originalsWithPrefix(prefix, true);
        if (withPrefix.isEmpty()) {
            Map<String, Object> result = new RecordingMap<>("", true);
            result.putAll(values);
            return result;
        }
        Map<String, Object> result = new RecordingMap<>(prefix, true);
        for (Map.Entry<String, Object> entry : withPrefix.entrySet()) {
            ConfigDef.ConfigKey configKey = definition.configKeys().get(entry.getKey());
            if (configKey != null) {
                result.put(entry.getKey(), definition.parseValue(configKey, entry.getValue(), true));
            }
        }
        return result;
    }

    /** @return every defined key with its parsed value; a recording copy */
    public Map<String, ?> values() {
        Map<String, Object> copy = new RecordingMap<>("", false);
        copy.putAll(values);
        return copy;
    }

    /** @return the parsed values of keys not defined as internal; a recording copy */
    public Map<String, ?> nonInternalValues() {
        Map<String, Object> copy = new RecordingMap<>("", false);
        values.forEach((key, value) -> {
            ConfigDef.ConfigKey configKey = definition.configKeys().get(key);
            if (configKey == null || !configKey.internalConfig) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /**
     * Creates the instance the {@code CLASS} key names, configured with {@link #originals()}.
     *
     * @param key a {@code CLASS} key
     * @param t the type the instance must have
     * @param <T> that type
     * @return the configured instance, or {@code null} if the key's value is {@code null}
     * @throws dev.millrace.common.errors.MillraceException if the class cannot be created or has the wrong type
     */
    public <T> T getConfiguredInstance(String key, Class<T> t) {
        return getConfiguredInstance(key, t, Collections.emptyMap());
    }

    /** As {@link #getConfiguredInstance(String, Class)}, configured with the originals plus overrides. */
    public <T> T getConfiguredInstance(String key, Class<T> t, Map<String, Object> configOverrides) {
        return ConfiguredInstances.create(getClass(key), t, originals(configOverrides));
    }

    /** Creates one configured instance per class of a {@code LIST} key; empty if the value is null or empty. */
    public <T> List<T> getConfiguredInstances(String key, Class<T> t) {
        return getConfiguredInstances(key, t, Collections.emptyMap());
    }

    /** As {@link #getConfiguredInstances(String, Class)}, configured with the originals plus overrides. */
    public <T> List<T> getConfiguredInstances(String key, Class<T> t, Map<String, Object> configOverrides) {
        return getConfiguredInstances(getList(key), t, configOverrides);
    }

    /**
     * Creates one configured instance per class name; if one fails, those already created are closed.
     *
     * @param classNames class names, may be {@code null}
     * @param t the type every instance must have
     * @param configOverrides entries added to the originals given to {@code configure}
     * @param <T> that type
     * @return the instances in order
     */
    public <T> List<T> getConfiguredInstances(List<String> classNames, Class<T> t,
                                              Map<String, Object> configOverrides) {
        List<T> instances = new ArrayList<>();
        if (classNames == null) {
            return instances;
        }
        Map<String, Object> configs = originals(configOverrides);
        try {
            for (Object klass : classNames) {
                instances.add(ConfiguredInstances.create(klass, t, configs));
            }
        } catch (RuntimeException e) {
            instances.forEach(ConfiguredInstances::closeQuietly);
            throw e;
        }
        return instances;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && getClass() == other.getClass()
                && originals.equals(((AbstractConfig) other).originals);
    }

    @Override
    public int hashCode() {
        return originals.hashCode();
    }

    private void logAll() {
        if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
            return;
        }
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append(" values: ");
        new TreeMap<>(values).forEach((key, value) ->
                text.append(System.lineSeparator()).append('\t').append(key).append(" = ").append(value));
        LOG.log(System.Logger.Level.DEBUG, text.toString());
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> input) {
        Map<String, Object> map = new HashMap<>();
        if (input instanceof Properties) {
            Properties properties = (Properties) input;
            Enumeration<?> names;
            try {
                names = properties.propertyNames();
            } catch (ClassCastException e) {
                throw new ConfigException("One or more keys is not a string.");
            }
            while (names.hasMoreElements()) {
                String key = (String) names.nextElement();
                Object value = properties.get(key);
                map.put(key, value != null ? value : properties.getProperty(key));
            }
            return map;
        }
        for (Map.Entry<?, ?> entry : input.entrySet()) {
            if (!(entry.getKey() instanceof String)) {
                throw new ConfigException(String.valueOf(entry.getKey()), entry.getValue(), "Key must be a string.");
            }
            map.put((String) entry.getKey(), entry.getValue());
        }
        return map;
    }

    /** A map copy that marks {@code prefix + key} (and, with fallback, {@code key}) used when a key is read. */
    private final class RecordingMap<V> extends HashMap<String, V> {
        private static final long serialVersionUID = 1L;
        private final String prefix;
        private final boolean withIgnoreFallback;

        RecordingMap(String prefix, boolean withIgnoreFallback) {
            this.prefix = prefix;
            this.withIgnoreFallback = withIgnoreFallback;
        }

        @Override
        public V get(Object key) {
            if (key instanceof String) {
                ignore(prefix + key);
                if (withIgnoreFallback) {
                    ignore((String) key);
                }
            }
            return super.get(key);
        }
    }
}
