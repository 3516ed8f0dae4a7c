package dev.millrace.streams.state.internals;

import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;

import java.lang.reflect.Proxy;
import java.util.Optional;

/** A store context with no store runtime (not an {@link InternalStoreContext}): it can neither cache nor log. */
final class PlainContext {

    private PlainContext() {
    }

    static StateStoreContext create() {
        return (StateStoreContext) Proxy.newProxyInstance(PlainContext.class.getClassLoader(),
                new Class<?>[] {StateStoreContext.class}, (self, method, args) -> switch (method.getName()) {
                    case "applicationId" -> "app";
                    case "taskId" -> new TaskId(0, 0);
                    case "recordMetadata" -> Optional.empty();
                    case "toString" -> "PlainContext";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> null;
                });
    }
}
