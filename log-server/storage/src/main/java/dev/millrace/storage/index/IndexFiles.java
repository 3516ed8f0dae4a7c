package dev.millrace.storage.index;

import dev.millrace.storage.LogStorageException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File operations shared by the index classes: rename with an atomic move when the file system
 * supports one, delete, and eager unmapping of memory-mapped buffers.
 *
 * <p>Unmapping: a mapping is normally released only when the garbage collector finds its buffer
 * unreachable, which can keep large regions of address space and open file handles alive for a long
 * time and makes the collector do page-table work during a pause. When the JDK's cleaner hook
 * ({@code sun.misc.Unsafe.invokeCleaner}) is reachable, {@link #unmap} releases the mapping at once;
 * otherwise it leaves the buffer to the collector. After an eager unmap any access to the buffer
 * crashes the JVM, so callers must drop every reference to it first: the index classes never hand
 * their buffers out and check for the closed state before every access.
 *
 * <p>Stateless and thread-safe.
 */
final class IndexFiles {
    private static final MethodHandle INVOKE_CLEANER = findCleaner();

    private IndexFiles() {
    }

    /** Whether {@link #unmap} releases mappings eagerly on this JVM (otherwise the GC does it). */
    static boolean canUnmapEagerly() {
        return INVOKE_CLEANER != null;
    }

    /**
     * Releases the mapping of {@code buffer} now if the JVM allows it. The caller must not touch
     * the buffer afterwards.
     */
    static void unmap(MappedByteBuffer buffer, Path file) {
        if (INVOKE_CLEANER == null || buffer.capacity() == 0) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new LogStorageException("operation=unmap file=" + file, t);
        }
    }

    /**
     * Moves {@code from} to {@code to}, atomically when the file system can, replacing {@code to}
     * if it exists.
     */
    static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LogStorageException("operation=rename file=" + from + " target=" + to, e);
        }
    }

    /** Deletes {@code file} if present; returns whether it existed. */
    static boolean deleteIfExists(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LogStorageException("operation=delete file=" + file, e);
        }
    }

    private static MethodHandle findCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object unsafe = field.get(null);
            MethodType type = MethodType.methodType(void.class, ByteBuffer.class);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner", type).bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
