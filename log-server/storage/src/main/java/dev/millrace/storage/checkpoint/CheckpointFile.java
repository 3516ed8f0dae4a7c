package dev.millrace.storage.checkpoint;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small text file that holds a list of entries and is replaced as a whole, in the checkpoint
 * format Kafka uses for {@code recovery-point-offset-checkpoint}, {@code log-start-offset-checkpoint}
 * and {@code leader-epoch-checkpoint}. What an entry is, and how it maps to fields, is given by an
 * {@link EntryFormat}.
 *
 * <p>Line layout (UTF-8; every line, the last one included, ends with {@code '\n'}, 0x0A):
 * <pre>
 * line 1           version       decimal int, must equal the version this file was opened with (0)
 * line 2           entryCount    decimal int &gt;= 0
 * line 3 .. N+2    entry         exactly fieldCount() fields, joined by one space (0x20) each
 *
 * example (an offset checkpoint with two entries):
 *   "0\n"
 *   "2\n"
 *   "orders 0 1200\n"
 *   "orders 1 877\n"
 * </pre>
 *
 * <p>Guarantees and invariants:
 * <ul>
 *   <li>{@link #write} is atomic with respect to crashes: the content goes to {@code <file>.tmp},
 *       which is fsynced, atomically renamed over the target, and then the directory is fsynced.
 *       A reader sees either the old file or the new one, never a mix; a leftover {@code .tmp}
 *       from an interrupted write is never read and is overwritten by the next write.</li>
 *   <li>Entries are rendered in memory before the disk is touched, so an entry the format cannot
 *       render ({@link IllegalArgumentException}) leaves the old file and no temporary file.</li>
 *   <li>{@link #read} of a missing file or of an empty file (Kafka creates empty checkpoint files
 *       up front) returns no entries. Anything else must match the layout exactly: wrong version,
 *       wrong count, wrong field count, empty fields, a missing final newline, invalid UTF-8 or an
 *       entry the format rejects raise {@link CorruptIndexException} naming the file and the
 *       1-based line number.</li>
 * </ul>
 *
 * <p>Failure cases: I/O errors raise {@link LogStorageException} naming the file and the operation,
 * with the cause kept. A failed write leaves the previous file in place (a failure of the final
 * directory fsync happens after the rename: the new content is visible but may not be durable).
 * There is no non-atomic fallback when the file system cannot rename atomically.
 *
 * <p>Threading: not thread-safe. One thread (the partition shard, or the log manager for
 * directory-wide checkpoints) owns an instance; concurrent writers to the same path would race on
 * the temporary file.
 *
 * @param <T> the entry type
 */
public final class CheckpointFile<T> {
    /** Suffix of the temporary file a write goes through: {@code <file>.tmp}. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Line number of the first entry; line 1 is the version, line 2 the entry count. */
    private static final int FIRST_ENTRY_LINE = 3;
    private static final int MAX_QUOTED_CHARS = 80;
    private static final boolean DIRECTORY_FSYNC_SUPPORTED =
            !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path file;
    private final Path tempFile;
    private final int version;
    private final EntryFormat<T> format;

    /**
     * Maps one entry to the fields of its line and back.
     *
     * @param <T> the entry type
     */
    public interface EntryFormat<T> {
        /** How many space-separated fields every entry line has (at least 1). */
        int fieldCount();

        /**
         * The fields of {@code entry}, in line order: exactly {@link #fieldCount()} of them, none
         * empty, none containing whitespace or control characters.
         */
        List<String> toFields(T entry);

        /**
         * Parses the fields of one line (exactly {@link #fieldCount()}, none empty). Throws
         * {@link IllegalArgumentException} (for example {@link NumberFormatException}) with
         * {@code key=value} facts when the fields do not describe a valid entry; the checkpoint
         * file turns that into a {@link CorruptIndexException} naming the file and line.
         */
        T fromFields(List<String> fields);
    }

    /**
     * A checkpoint stored at {@code file}. Nothing is read or created until {@link #read} or
     * {@link #write} is called.
     */
    public CheckpointFile(Path file, int version, EntryFormat<T> format) {
        Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        if (version < 0) {
            throw new IllegalArgumentException("file=" + file + " version=" + version + " reason=negativeVersion");
        }
        if (format.fieldCount() < 1) {
            throw new IllegalArgumentException("file=" + file + " fieldCount=" + format.fieldCount()
                    + " reason=fieldCountMustBePositive");
        }
        this.file = file.toAbsolutePath();
        this.tempFile = this.file.resolveSibling(this.file.getFileName() + TEMP_SUFFIX);
        this.version = version;
    }

    /** The checkpoint file (absolute). */
    public Path file() {
        return file;
    }

    /** The temporary file writes go through (absolute). */
    public Path tempFile() {
        return tempFile;
    }

    /** The 1-based line number on which the entry with 0-based index {@code entryIndex} is stored. */
    public static int lineOfEntry(int entryIndex) {
        return FIRST_ENTRY_LINE + entryIndex;
    }

    /**
     * An exception for an entry that parsed on its own but breaks an invariant across entries
     * (duplicates, ordering), naming this file and the entry's line.
     */
    public CorruptIndexException corruptEntry(int entryIndex, String facts) {
        return corrupt(lineOfEntry(entryIndex), facts);
    }

    /**
     * Reads every entry, in file order. A missing or empty file has no entries. The returned list
     * is unmodifiable.
     *
     * @throws CorruptIndexException if the file does not match the layout
     * @throws LogStorageException if the file cannot be read
     */
    public List<T> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new LogStorageException("file=" + file + " operation=readCheckpoint", e);
        }
        if (bytes.length == 0) {
            return List.of();
        }
        return parse(decode(bytes));
    }

    /**
     * Replaces the file with {@code entries}, atomically and durably (see the class comment).
     *
     * @throws IllegalArgumentException if an entry cannot be rendered; the old file is untouched
     * @throws LogStorageException if writing, syncing or renaming fails
     */
    public void write(Collection<? extends T> entries) {
        Objects.requireNonNull(entries, "entries");
        byte[] content = render(entries);
        writeTemp(content);
        moveTempOverTarget();
        fsyncDirectory();
    }

    /**
     * Parses a decimal {@code int} field strictly: an optional {@code '-'} then ASCII digits.
     *
     * @throws IllegalArgumentException naming the field when the text is not such a number
     */
    public static int parseInt(String text, String fieldName) {
        long value = parseLong(text, fieldName);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field=" + fieldName + " value=" + quote(text) + " reason=intOverflow");
        }
        return (int) value;
    }

    /**
     * Parses a decimal {@code long} field strictly: an optional {@code '-'} then ASCII digits.
     *
     * @throws IllegalArgumentException naming the field when the text is not such a number
     */
    public static long parseLong(String text, String fieldName) {
        int start = text.startsWith("-") ? 1 : 0;
        boolean digits = text.length() > start;
        for (int i = start; i < text.length() && digits; i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new IllegalArgumentException("field=" + fieldName + " value=" + quote(text) + " reason=notANumber");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field=" + fieldName + " value=" + quote(text) + " reason=longOverflow");
        }
    }

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw corrupt(line, "bytePosition=" + in.position() + " reason=invalidUtf8");
        }
        return out.flip().toString();
    }

    private List<T> parse(String text) {
        boolean finalNewline = text.charAt(text.length() - 1) == '\n';
        String body = finalNewline ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        if (!finalNewline) {
            throw corrupt(lines.length, "reason=missingFinalNewline text=" + quote(lines[lines.length - 1]));
        }
        int actualVersion = parseHeader(lines[0], 1, "version");
        if (actualVersion != version) {
            throw corrupt(1, "expectedVersion=" + version + " actualVersion=" + actualVersion);
        }
        if (lines.length < 2) {
            throw corrupt(2, "reason=missingEntryCount");
        }
        int expectedEntries = parseHeader(lines[1], 2, "entryCount");
        if (expectedEntries < 0) {
            throw corrupt(2, "entryCount=" + expectedEntries + " reason=negativeEntryCount");
        }
        int actualEntries = lines.length - 2;
        if (actualEntries < expectedEntries) {
            throw corrupt(lineOfEntry(actualEntries), "expectedEntries=" + expectedEntries
                    + " actualEntries=" + actualEntries + " reason=missingEntries");
        }
        if (actualEntries > expectedEntries) {
            throw corrupt(lineOfEntry(expectedEntries), "expectedEntries=" + expectedEntries
                    + " actualEntries=" + actualEntries + " reason=unexpectedExtraLine");
        }
        List<T> entries = new ArrayList<>(expectedEntries);
        for (int i = 0; i < expectedEntries; i++) {
            entries.add(parseEntry(lines[i + 2], lineOfEntry(i)));
        }
        return Collections.unmodifiableList(entries);
    }

    private int parseHeader(String line, int lineNumber, String name) {
        try {
            return parseInt(line, name);
        } catch (IllegalArgumentException e) {
            throw corrupt(lineNumber, e.getMessage());
        }
    }

    private T parseEntry(String line, int lineNumber) {
        List<String> fields = Arrays.asList(line.split(" ", -1));
        if (fields.size() != format.fieldCount()) {
            throw corrupt(lineNumber, "expectedFields=" + format.fieldCount() + " actualFields=" + fields.size()
                    + " text=" + quote(line));
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).isEmpty()) {
                throw corrupt(lineNumber, "fieldIndex=" + i + " reason=emptyField text=" + quote(line));
            }
        }
        T entry;
        try {
            entry = format.fromFields(Collections.unmodifiableList(fields));
        } catch (IllegalArgumentException e) {
            throw corrupt(lineNumber, e.getMessage() + " text=" + quote(line));
        }
        if (entry == null) {
            throw new IllegalStateException("file=" + file + " line=" + lineNumber + " reason=formatReturnedNull");
        }
        return entry;
    }

    private byte[] render(Collection<? extends T> entries) {
        int expected = entries.size();
        StringBuilder text = new StringBuilder(16 + expected * 24);
        text.append(version).append('\n').append(expected).append('\n');
        int index = 0;
        for (T entry : entries) {
            Objects.requireNonNull(entry, "entry");
            List<String> fields = format.toFields(entry);
            if (fields.size() != format.fieldCount()) {
                throw new IllegalArgumentException("file=" + file + " entryIndex=" + index + " expectedFields="
                        + format.fieldCount() + " actualFields=" + fields.size());
            }
            for (int i = 0; i < fields.size(); i++) {
                checkField(fields.get(i), index, i);
                text.append(i == 0 ? "" : " ").append(fields.get(i));
            }
            text.append('\n');
            index++;
        }
        if (index != expected) {
            throw new IllegalArgumentException("file=" + file + " declaredSize=" + expected
                    + " iteratedEntries=" + index + " reason=collectionChangedWhileWriting");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void checkField(String field, int entryIndex, int fieldIndex) {
        boolean valid = field != null && !field.isEmpty();
        for (int i = 0; valid && i < field.length(); i++) {
            char c = field.charAt(i);
            valid = !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c);
        }
        if (!valid) {
            throw new IllegalArgumentException("file=" + file + " entryIndex=" + entryIndex
                    + " fieldIndex=" + fieldIndex + " value=" + (field == null ? "null" : quote(field))
                    + " reason=fieldEmptyOrHasWhitespace");
        }
    }

    private void writeTemp(byte[] content) {
        try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            LogStorageException failure = new LogStorageException("file=" + tempFile
                    + " operation=writeCheckpointTemp bytes=" + content.length, e);
            deleteTempQuietly(failure);
            throw failure;
        }
    }

    private void moveTempOverTarget() {
        try {
            Files.move(tempFile, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LogStorageException failure = new LogStorageException("file=" + file + " source=" + tempFile
                    + " operation=atomicRenameCheckpoint", e);
            deleteTempQuietly(failure);
            throw failure;
        }
    }

    private void fsyncDirectory() {
        Path directory = file.getParent();
        if (!DIRECTORY_FSYNC_SUPPORTED || directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new LogStorageException("directory=" + directory + " file=" + file + " operation=fsyncDirectory", e);
        }
    }

    private void deleteTempQuietly(LogStorageException failure) {
        try {
            if (Files.isRegularFile(tempFile, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(tempFile);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private CorruptIndexException corrupt(int lineNumber, String facts) {
        return new CorruptIndexException("file=" + file + " line=" + lineNumber + " " + facts);
    }

    /** Quotes text for an error message, escaping control characters and shortening long text. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), MAX_QUOTED_CHARS) + 8).append('\'');
        int limit = Math.min(text.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (text.length() > limit) {
            quoted.append("...(").append(text.length()).append(" chars)");
        }
        return quoted.append('\'').toString();
    }
}
