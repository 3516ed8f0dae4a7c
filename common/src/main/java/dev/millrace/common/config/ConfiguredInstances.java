package dev.millrace.common.config;

import dev.millrace.common.Configurable;
import dev.millrace.common.errors.MillraceException;

import java.util.Map;

/**
 * Creates the object a {@code CLASS} or {@code LIST}-of-classes key names: loads the class if given by name,
 * calls its public no-argument constructor, checks it is of the expected type, and calls
 * {@link Configurable#configure(Map)} when it is {@link Configurable}. An instance that fails the type check or
 * whose {@code configure} throws is closed (if {@link AutoCloseable}) before the error propagates.
 *
 * <p>Failures are {@link MillraceException}s with Kafka's messages ({@code Class X cannot be found},
 * {@code X is not an instance of Y}, {@code Could not instantiate class X}). Stateless.
 */
final class ConfiguredInstances {

    private ConfiguredInstances() {
    }

    static <T> T create(Object klass, Class<T> type, Map<String, Object> configs) {
        if (klass == null) {
            return null;
        }
        Class<?> loaded;
        if (klass instanceof String) {
            loaded = load((String) klass);
        } else if (klass instanceof Class) {
            loaded = (Class<?>) klass;
        } else {
            throw new MillraceException("Unexpected element of type " + klass.getClass().getName()
                    + ", expected String or Class");
        }
        Object instance = instantiate(loaded);
        try {
            if (!type.isInstance(instance)) {
                throw new MillraceException(klass + " is not an instance of " + type.getName());
            }
            if (instance instanceof Configurable) {
                ((Configurable) instance).configure(configs);
            }
        } catch (RuntimeException e) {
            closeQuietly(instance);
            throw e;
        }
        return type.cast(instance);
    }

    static void closeQuietly(Object instance) {
        if (instance instanceof AutoCloseable) {
            try {
                ((AutoCloseable) instance).close();
            } catch (Exception suppressed) {
                // The original failure is what the caller must see; a failing close adds nothing to act on.
                return;
            }
        }
    }

    private static Class<?> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfiguredInstances.class.getClassLoader();
        }
        try {
            return Class.forName(className.trim(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new MillraceException("Class " + className + " cannot be found", e);
        }
    }

    private static Object instantiate(Class<?> klass) {
        try {
            return klass.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new MillraceException("Could not find a public no-argument constructor for " + klass.getName(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MillraceException("Could not instantiate class " + klass.getName(), e);
        }
    }
}
