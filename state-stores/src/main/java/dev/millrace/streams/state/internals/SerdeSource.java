package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.ValueAndTimestamp;

/**
 * Where a typed store gets a serde when it is initialised: the serde given to the builder, or else the default
 * serde of the application from the {@link StateStoreContext}.
 *
 * @param <T> the type the serde handles
 */
@FunctionalInterface
interface SerdeSource<T> {

    /**
     * Resolves the serde.
     *
     * @param context the context of the store being initialised
     * @param storeName the store name, for messages
     * @return the serde, never null
     * @throws StreamsException if neither an explicit nor a default serde exists
     */
    Serde<T> resolve(StateStoreContext context, String storeName);

    /**
     * Uses the given key serde, or the default key serde when it is null.
     *
     * @param explicit the serde given to the builder, or null
     * @param <T> the key type
     * @return the source
     */
    static <T> SerdeSource<T> key(Serde<T> explicit) {
        return (context, store) -> explicit != null ? explicit : contextDefault(context.keySerde(), "key", store);
    }

    /**
     * Uses the given value serde, or the default value serde when it is null.
     *
     * @param explicit the serde given to the builder, or null
     * @param <T> the value type
     * @return the source
     */
    static <T> SerdeSource<T> value(Serde<T> explicit) {
        return (context, store) -> explicit != null ? explicit : contextDefault(context.valueSerde(), "value", store);
    }

    /**
     * Wraps the value serde chosen as {@link #value(Serde)} does in the timestamped format.
     *
     * @param explicit the plain value serde given to the builder, or null
     * @param <T> the plain value type
     * @return the source
     */
    static <T> SerdeSource<ValueAndTimestamp<T>> timestampedValue(Serde<T> explicit) {
        SerdeSource<T> plain = value(explicit);
        return (context, store) -> new ValueAndTimestampSerde<>(plain.resolve(context, store));
    }

    /**
     * Takes the application default serde as the serde of the store's type. The default serde is configured by
     * the application for exactly the types of the stores that rely on it, so the cast holds by contract; a
     * mismatch shows as a {@link ClassCastException} on first use, as in Kafka Streams.
     */
    private static <T> Serde<T> contextDefault(Serde<?> serde, String role, String store) {
        if (serde == null) {
            throw new StreamsException("Failed to initialize " + role + " serdes for store " + store + ": Please "
                    + "specify a " + role + " serde or set one through StreamsConfig#DEFAULT_"
                    + role.toUpperCase(java.util.Locale.ROOT) + "_SERDE_CLASS_CONFIG (default." + role + ".serde) "
                    + "(reason=noSerde role=" + role + " store=" + store + ")");
        }
        @SuppressWarnings("unchecked") // the single place where the untyped default serde meets the store's type
        Serde<T> typed = (Serde<T>) serde;
        return typed;
    }
}
