package dev.millrace.common.serialization;

import dev.millrace.common.config.ConfigException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration of a list serializer or deserializer that was created through its
 * no-argument constructor, as Kafka clients and Streams do when a serde is named by class. The inner
 * serde is named by {@code default.list.key.serde.inner} or {@code default.list.value.serde.inner},
 * the list class by {@code default.list.key.serde.type} or {@code default.list.value.serde.type}
 * (Kafka's names, from its {@code CommonClientConfigs}); each value is a {@link Class} or a class
 * name, loaded with the thread's context class loader when there is one.
 *
 * <p>Every unusable value raises {@link ConfigException} naming the key, the value and a
 * {@code reason=}: missing, neither a class nor a class name, class not found, not a {@link Serde} or
 * not a concrete {@link List}, or a serde without a public no-argument constructor or whose
 * constructor failed (the failure is the cause). Stateless; safe from any thread.
 */
final class ListSerdeConfig {
    /** The inner serde class of a key list serde. */
    static final String KEY_INNER = "default.list.key.serde.inner";
    /** The inner serde class of a value list serde. */
    static final String VALUE_INNER = "default.list.value.serde.inner";
    /** The list class a key list deserializer creates. */
    static final String KEY_TYPE = "default.list.key.serde.type";
    /** The list class a value list deserializer creates. */
    static final String VALUE_TYPE = "default.list.value.serde.type";

    private ListSerdeConfig() {
    }

    static String innerKey(boolean isKey) {
        return isKey ? KEY_INNER : VALUE_INNER;
    }

    static String typeKey(boolean isKey) {
        return isKey ? KEY_TYPE : VALUE_TYPE;
    }

    /**
     * Creates the inner serde named in {@code configs}, not yet configured.
     *
     * @param owner the simple name of the asking class, for messages
     * @param <T> the entry type the caller declared for its list
     */
    static <T> Serde<T> innerSerde(Map<String, ?> configs, boolean isKey, String owner) {
        String key = innerKey(isKey);
        Class<?> serdeClass = classOf(configs, key, isKey, owner);
        if (!Serde.class.isAssignableFrom(serdeClass)) {
            throw new ConfigException(key, serdeClass.getName(), "reason=notASerde " + owner(owner, isKey)
                    + " expected=" + Serde.class.getName());
        }
        return assumeEntryType((Serde<?>) instantiate(serdeClass, key, isKey, owner));
    }

    /**
     * Returns the list class named in {@code configs}: a concrete class implementing {@link List}.
     * Whether it has a usable constructor is for the caller to check.
     *
     * @param <T> the entry type the caller declared for its list
     */
    static <T> Class<? extends List<T>> listClass(Map<String, ?> configs, boolean isKey, String owner) {
        String key = typeKey(isKey);
        Class<?> listClass = classOf(configs, key, isKey, owner);
        if (!List.class.isAssignableFrom(listClass)) {
            throw new ConfigException(key, listClass.getName(), "reason=notAList " + owner(owner, isKey)
                    + " expected=" + List.class.getName());
        }
        if (listClass.isInterface() || Modifier.isAbstract(listClass.getModifiers())) {
            throw new ConfigException(key, listClass.getName(), "reason=listClassNotConcrete " + owner(owner, isKey));
        }
        return assumeListOf(listClass);
    }

    private static Class<?> classOf(Map<String, ?> configs, String key, boolean isKey, String owner) {
        Object value = configs.get(key);
        if (value == null) {
            throw new ConfigException("reason=missingConfig config=" + key + " " + owner(owner, isKey));
        }
        if (value instanceof Class<?> type) {
            return type;
        }
        if (!(value instanceof String name)) {
            throw new ConfigException(key, value, "reason=notAClassOrClassName " + owner(owner, isKey)
                    + " valueType=" + value.getClass().getName());
        }
        try {
            return Class.forName(name, true, classLoader());
        } catch (ClassNotFoundException e) {
            throw withCause(new ConfigException(key, name, "reason=classNotFound " + owner(owner, isKey)), e);
        } catch (LinkageError e) {
            throw withCause(new ConfigException(key, name, "reason=classNotLoadable " + owner(owner, isKey)
                    + " error=" + e.getClass().getName()), e);
        }
    }

    private static Object instantiate(Class<?> type, String key, boolean isKey, String owner) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw withCause(new ConfigException(key, type.getName(), "reason=noPublicNoArgConstructor "
                    + owner(owner, isKey)), e);
        } catch (InvocationTargetException e) {
            throw withCause(new ConfigException(key, type.getName(), "reason=constructorFailed "
                    + owner(owner, isKey) + " error=" + e.getCause()), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw withCause(new ConfigException(key, type.getName(), "reason=notInstantiable "
                    + owner(owner, isKey) + " error=" + e.getClass().getSimpleName()), e);
        }
    }

    private static String owner(String owner, boolean isKey) {
        return "owner=" + owner + " isKey=" + isKey;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ListSerdeConfig.class.getClassLoader();
    }

    private static ConfigException withCause(ConfigException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    /*
     * The two casts below cannot be checked: a serde or list class named in configuration carries no
     * entry type at run time. The entry type is the one the user declared for the list serde that
     * was created by name; a wrong declaration surfaces as a ClassCastException where entries are used,
     * exactly as with Kafka's own list serde.
     */
    @SuppressWarnings("unchecked")
    private static <T> Serde<T> assumeEntryType(Serde<?> serde) {
        return (Serde<T>) serde;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<? extends List<T>> assumeListOf(Class<?> listClass) {
        return (Class<? extends List<T>>) listClass;
    }
}
