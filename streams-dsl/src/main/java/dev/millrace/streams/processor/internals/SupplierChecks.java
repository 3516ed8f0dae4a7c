package dev.millrace.streams.processor.internals;

import java.util.Objects;
import java.util.function.Supplier;

/** Checks on suppliers handed to the topology. */
public final class SupplierChecks {

    private SupplierChecks() {
    }

    /**
     * Checks that a supplier returns a new object on every call (each task needs its own processor).
     *
     * @param supplier the supplier
     * @throws IllegalArgumentException if two calls return the same instance
     */
    public static void checkSupplier(Supplier<?> supplier) {
        Objects.requireNonNull(supplier, "processorSupplier cannot be null");
        if (supplier.get() == supplier.get()) {
            String type = supplier.getClass().getName();
            throw new IllegalArgumentException(type + " generates single reference. " + type
                    + "#get() must return a new object each time it is called.");
        }
    }
}
