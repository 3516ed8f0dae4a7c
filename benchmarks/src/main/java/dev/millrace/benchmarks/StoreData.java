package dev.millrace.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Random;

/**
 * Deterministic keys and values for the store benchmarks, and removal of state directories.
 *
 * <p>Keys of the micro-benchmarks are distinct random byte strings drawn from a fixed seed; changelog records of
 * the restore benchmark are a pure function of their index (a 16-byte key: a 64-bit mix of the index, then the
 * index itself, so keys are unique and arrive in random key order; a value of pseudo-random bytes). Stateless.
 */
final class StoreData {

    /** The seed of every generated key set; overridable by {@code -Dmillrace.seed}. */
    static final long SEED = Long.getLong("millrace.seed", 20_260_301L);

    private StoreData() {
    }

    /**
     * Returns {@code count} distinct random keys of {@code length} bytes, sorted by unsigned byte order (the order
     * of both sides' stores), so that {@code keys[i..i+n-1]} is exactly what a range from {@code keys[i]} to
     * {@code keys[i+n-1]} returns.
     *
     * @param count the number of keys
     * @param length the key length in bytes, at least 8
     * @param random the source of randomness
     * @return the sorted keys
     */
    static byte[][] sortedKeys(int count, int length, Random random) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = new byte[length];
            random.nextBytes(keys[i]);
            // the index in the last 4 bytes keeps the keys distinct
            int at = length - 4;
            keys[i][at] = (byte) (i >>> 24);
            keys[i][at + 1] = (byte) (i >>> 16);
            keys[i][at + 2] = (byte) (i >>> 8);
            keys[i][at + 3] = (byte) i;
        }
        Arrays.sort(keys, Arrays::compareUnsigned);
        return keys;
    }

    /**
     * Returns {@code count} random byte arrays of {@code length} bytes.
     *
     * @param count the number of arrays
     * @param length the length of each
     * @param random the source of randomness
     * @return the arrays
     */
    static byte[][] randomValues(int count, int length, Random random) {
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            values[i] = new byte[length];
            random.nextBytes(values[i]);
        }
        return values;
    }

    /**
     * Returns a cyclic sequence of {@code length} random indexes below {@code bound}, a power-of-two length, so
     * that benchmarks pick their next key with a mask instead of calling a random generator.
     *
     * @param length the sequence length, a power of two
     * @param bound the exclusive upper bound of the indexes
     * @param random the source of randomness
     * @return the indexes
     */
    static int[] randomIndexes(int length, int bound, Random random) {
        if (Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("reason=notPowerOfTwo length=" + length);
        }
        int[] indexes = new int[length];
        for (int i = 0; i < length; i++) {
            indexes[i] = random.nextInt(bound);
        }
        return indexes;
    }

    /**
     * Fills {@code key} (16 bytes) with the key of changelog record {@code index}.
     *
     * @param index the record index
     * @param key the 16-byte destination
     */
    static void changelogKey(long index, byte[] key) {
        putLong(key, 0, mix(index));
        putLong(key, 8, index);
    }

    /**
     * Fills {@code value} with the pseudo-random value of changelog record {@code index}.
     *
     * @param index the record index
     * @param value the destination, of any length
     */
    static void changelogValue(long index, byte[] value) {
        long state = mix(index ^ SEED);
        for (int at = 0; at < value.length; at += 8) {
            state = mix(state);
            for (int b = 0; b < 8 && at + b < value.length; b++) {
                value[at + b] = (byte) (state >>> (8 * b));
            }
        }
    }

    private static void putLong(byte[] target, int at, long value) {
        for (int b = 0; b < 8; b++) {
            target[at + b] = (byte) (value >>> (56 - 8 * b));
        }
    }

    /** A bijective 64-bit mix (the SplitMix64 finaliser), so mixed indexes stay unique. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Creates a fresh temporary state directory.
     *
     * @param prefix the directory name prefix
     * @param parent the parent directory, or null for the system temporary directory
     * @return the new directory
     */
    static Path createStateDir(String prefix, Path parent) {
        try {
            if (parent == null) {
                return Files.createTempDirectory(prefix);
            }
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotCreateStateDir prefix=" + prefix + " parent=" + parent, e);
        }
    }

    /**
     * Deletes a directory tree; a missing directory is fine.
     *
     * @param dir the directory
     */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotDeleteStateDir dir=" + dir, e);
        }
    }

    /**
     * Returns the total size of the regular files under a directory, in bytes.
     *
     * @param dir the directory
     * @return the size, 0 if the directory is missing
     */
    static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(StoreData::fileSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("reason=cannotSizeStateDir dir=" + dir, e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
