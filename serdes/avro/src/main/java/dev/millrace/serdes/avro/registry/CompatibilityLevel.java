package dev.millrace.serdes.avro.registry;

import java.util.Locale;

/**
 * The compatibility rules the registry enforces when a new schema version is registered under a
 * subject. "Backward" means the new schema can read data written with earlier schemas (consumers upgrade
 * first); "forward" means earlier schemas can read data written with the new one (producers upgrade
 * first); "full" means both. Plain levels compare with the latest live version only; transitive levels
 * compare with every live version. Soft-deleted versions take no part.
 */
public enum CompatibilityLevel {
    /** No check. */
    NONE(false, false, false),
    /** The new schema reads data of the latest version. The registry default. */
    BACKWARD(true, false, false),
    /** The new schema reads data of every version. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest version reads data of the new schema. */
    FORWARD(false, true, false),
    /** Every version reads data of the new schema. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Backward and forward against the latest version. */
    FULL(true, true, false),
    /** Backward and forward against every version. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Whether the new schema must read data written with earlier schemas.
     *
     * @return the flag
     */
    public boolean backward() {
        return backward;
    }

    /**
     * Whether earlier schemas must read data written with the new schema.
     *
     * @return the flag
     */
    public boolean forward() {
        return forward;
    }

    /**
     * Whether every live version is compared, rather than only the latest.
     *
     * @return the flag
     */
    public boolean transitive() {
        return transitive;
    }

    /**
     * Parses a level name, ignoring case.
     *
     * @param name for example {@code backward} or {@code FULL_TRANSITIVE}
     * @return the level
     * @throws SchemaRegistryException with 422 / 42203 if the name is null or unknown
     */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            String upper = name.trim().toUpperCase(Locale.ROOT);
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(upper)) {
                    return level;
                }
            }
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                "reason=invalidCompatibilityLevel level=" + name + " validLevels=NONE,BACKWARD,BACKWARD_TRANSITIVE,"
                        + "FORWARD,FORWARD_TRANSITIVE,FULL,FULL_TRANSITIVE");
    }
}
