package dev.millrace.streams.state.internals;

import dev.millrace.streams.errors.ProcessorStateException;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.state.RocksDBConfigSetter;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEngineConfig;
import dev.millrace.streams.state.internals.rocksdb.RocksDbOptionsCustomizer;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Options;

/**
 * Builds what the RocksDB stores hand to their engines from a {@link StateStoreContext}: the database directory
 * and the store configuration, in which a {@code rocksdb.config.setter} naming a {@link RocksDBConfigSetter}
 * (instance, class or class name) is replaced by a fresh setter instance adapted to the engine's
 * {@link RocksDbOptionsCustomizer}, one per store as Kafka Streams does. Stateless.
 */
final class RocksDBStoreConfigs {

    /** Kafka Streams' parent directory of key-value stores under the task state directory. */
    static final String KEY_VALUE_PARENT_DIR = "rocksdb";

    private RocksDBStoreConfigs() {
    }

    /**
     * Returns the directory of a key-value store: {@code stateDir/rocksdb/name}, Kafka Streams' layout.
     *
     * @param context the store context
     * @param name the store name
     * @return the directory
     */
    static Path keyValueDir(StateStoreContext context, String name) {
        return stateDir(context, name).toPath().resolve(KEY_VALUE_PARENT_DIR).resolve(name);
    }

    /**
     * Returns the directory of a segmented (window, session, versioned) store: {@code stateDir/name}, Kafka
     * Streams' layout.
     *
     * @param context the store context
     * @param name the store name
     * @return the directory
     */
    static Path segmentedDir(StateStoreContext context, String name) {
        return stateDir(context, name).toPath().resolve(name);
    }

    private static File stateDir(StateStoreContext context, String name) {
        File dir = context.stateDir();
        if (dir == null) {
            throw new ProcessorStateException("reason=noStateDirectory store=" + name);
        }
        return dir;
    }

    /**
     * Returns the store configuration: the application configuration with the config setter adapted.
     *
     * @param context the store context
     * @param name the store name, for messages
     * @return a new mutable map
     * @throws ProcessorStateException if the config setter cannot be instantiated
     */
    static Map<String, Object> engineConfigs(StateStoreContext context, String name) {
        Map<String, Object> appConfigs = context.appConfigs();
        Map<String, Object> configs = appConfigs == null ? new HashMap<>() : new HashMap<>(appConfigs);
        Object setter = configs.get(RocksDbEngineConfig.CONFIG_SETTER_CONFIG);
        RocksDBConfigSetter adapted = configSetter(setter, name);
        if (adapted != null) {
            configs.put(RocksDbEngineConfig.CONFIG_SETTER_CONFIG, new SetterCustomizer(adapted));
        }
        return configs;
    }

    private static RocksDBConfigSetter configSetter(Object value, String name) {
        if (value == null || value instanceof RocksDbOptionsCustomizer) {
            return null;
        }
        if (value instanceof RocksDBConfigSetter setter) {
            return setter;
        }
        Class<?> type;
        try {
            type = value instanceof Class<?> c ? c
                    : Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ProcessorStateException("reason=configSetterNotFound store=" + name + " "
                    + RocksDbEngineConfig.CONFIG_SETTER_CONFIG + "=" + value, e);
        }
        if (!RocksDBConfigSetter.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            return (RocksDBConfigSetter) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new ProcessorStateException("reason=configSetterNotInstantiable store=" + name + " "
                    + RocksDbEngineConfig.CONFIG_SETTER_CONFIG + "=" + type.getName(), e);
        }
    }

    /** Presents a user's {@link RocksDBConfigSetter} to the engine. */
    private record SetterCustomizer(RocksDBConfigSetter setter) implements RocksDbOptionsCustomizer {

        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
            setter.setConfig(storeName, options, configs);
        }

        @Override
        public void close(String storeName, Options options) {
            setter.close(storeName, options);
        }
    }
}
