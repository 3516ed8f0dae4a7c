package dev.millrace.streams.kstream;

import dev.millrace.streams.errors.TopologyException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Where and how {@code KStream#print} writes records: to standard out or to a file, with an optional label and a
 * key/value formatter; mirrors Kafka's {@code Printed}.
 *
 * <p>{@link #toFile(String)} opens (creating or truncating) the file at once, as Kafka does, and reports a blank
 * path or an I/O failure as {@link TopologyException}. The default formatter renders {@code key + ", " + value}
 * (nulls as {@code "null"}); the default label is the processor name. Like Kafka's class, the {@code with*}
 * methods change this instance and return it.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Printed<K, V> implements NamedOperation<Printed<K, V>> {

    /** The target stream: {@link System#out} or the opened file. */
    protected final OutputStream outputStream;
    /** The label printed before each record, or null for the processor name. */
    protected String label;
    /** The processor name, or null to generate one. */
    protected String processorName;
    /** Renders a record as text. */
    protected KeyValueMapper<? super K, ? super V, String> mapper = (key, value) -> String.format("%s, %s", key, value);

    private Printed(OutputStream outputStream) {
        this.outputStream = outputStream;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param printed the instance to copy
     */
    protected Printed(Printed<K, V> printed) {
        this.outputStream = printed.outputStream;
        this.label = printed.label;
        this.mapper = printed.mapper;
        this.processorName = printed.processorName;
    }

    /**
     * Prints to a file, which is created or truncated now.
     *
     * @param filePath the file path, not null and not blank
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the path is null
     * @throws TopologyException if the path is blank or the file cannot be opened for writing
     */
    public static <K, V> Printed<K, V> toFile(String filePath) {
        Objects.requireNonNull(filePath, "filePath can't be null");
        if (filePath.trim().isEmpty()) {
            throw new TopologyException("filePath can't be an empty string");
        }
        try {
            return new Printed<>(Files.newOutputStream(Paths.get(filePath)));
        } catch (IOException e) {
            throw new TopologyException("Unable to write stream to file at [" + filePath + "] " + e.getMessage());
        }
    }

    /**
     * Prints to {@link System#out}.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Printed<K, V> toSysOut() {
        return new Printed<>(System.out);
    }

    /**
     * Sets the label printed before each record.
     *
     * @param label the label, not null
     * @return this instance
     * @throws NullPointerException if the label is null
     */
    public Printed<K, V> withLabel(String label) {
        Objects.requireNonNull(label, "label can't be null");
        this.label = label;
        return this;
    }

    /**
     * Sets how a record is rendered.
     *
     * @param mapper the formatter, not null
     * @return this instance
     * @throws NullPointerException if the mapper is null
     */
    public Printed<K, V> withKeyValueMapper(KeyValueMapper<? super K, ? super V, String> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        this.mapper = mapper;
        return this;
    }

    /**
     * Sets the processor name.
     *
     * @param processorName the name
     * @return this instance
     */
    @Override
    public Printed<K, V> withName(String processorName) {
        this.processorName = processorName;
        return this;
    }
}
