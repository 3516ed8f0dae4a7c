package dev.millrace.common.config.types;

/**
 * A secret configuration value (type {@code PASSWORD}). Mirrors Kafka's {@code Password}: {@link #toString()}
 * prints {@value #HIDDEN} so that logging a configuration never leaks the secret; {@link #value()} gives the
 * real text. Immutable; equality is by value.
 */
public class Password {

    /** What {@link #toString()} prints instead of the secret. */
    public static final String HIDDEN = "[hidden]";

    private final String value;

    /**
     * Wraps a secret.
     *
     * @param value the secret text, not null
     */
    public Password(String value) {
        this.value = value;
    }

    /** @return the secret text; never log it */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password && value.equals(((Password) other).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return {@value #HIDDEN}, never the secret */
    @Override
    public String toString() {
        return HIDDEN;
    }
}
