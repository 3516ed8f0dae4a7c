package dev.millrace.common.config;

import dev.millrace.common.errors.MillraceException;

/**
 * A configuration could not be used: a value does not parse, lies outside its allowed range, or
 * contradicts another value. Mirrors Kafka's {@code ConfigException}: unchecked, and when it is about
 * one key its message reads {@code Invalid value <value> for configuration <name>: <reason>}, so the
 * operator sees which key of {@code server.properties} to fix.
 *
 * <p>Thrown once, at start-up or when a configuration change is validated; never on a hot path.
 * Instances hold no mutable state.
 */
public class ConfigException extends MillraceException {
    private static final long serialVersionUID = 1L;

    /** A failure that is not about one key, for example two keys that contradict each other. */
    public ConfigException(String message) {
        super(message);
    }

    /** The value of {@code name} is invalid, for no reason worth stating. */
    public ConfigException(String name, Object value) {
        this(name, value, null);
    }

    /**
     * The value of {@code name} is invalid because of {@code message}.
     *
     * @param name the configuration key
     * @param value the rejected value, as given or as parsed
     * @param message why it is rejected, or {@code null}
     */
    public ConfigException(String name, Object value, String message) {
        super("Invalid value " + value + " for configuration " + name + (message == null ? "" : ": " + message));
    }
}
