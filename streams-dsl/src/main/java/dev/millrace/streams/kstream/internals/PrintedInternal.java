package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Printed;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The engine's view of a {@link Printed}: the target stream (already opened, as Kafka opens a file in
 * {@link Printed#toFile(String)}), the label, the formatter and the processor name.
 *
 * <p>A print processor writes {@code "[" + label + "]: " + mapper(key, value)} per record through
 * {@link #openWriter()}; it closes the writer at the end only when {@link #ownsTarget()} is true (a file), and
 * otherwise flushes after every record and never closes {@link System#out} or {@link System#err}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PrintedInternal<K, V> extends Printed<K, V> {

    /**
     * Copies the user's options.
     *
     * @param printed the options to copy
     */
    public PrintedInternal(Printed<K, V> printed) {
        super(printed);
    }

    /** @return the processor name, or null */
    public String name() {
        return processorName;
    }

    /** @return the user's label, or null */
    public String label() {
        return label;
    }

    /**
     * Returns the label to print: the user's, or else the processor name, as Kafka does.
     *
     * @param processorName the resolved processor name
     * @return the label
     */
    public String labelOrElse(String processorName) {
        return label != null ? label : processorName;
    }

    /** @return the formatter; by default {@code key + ", " + value} */
    public KeyValueMapper<? super K, ? super V, String> mapper() {
        return mapper;
    }

    /** @return the target stream */
    public OutputStream outputStream() {
        return outputStream;
    }

    /** @return whether the target is a file the print processor must close (not standard out or error) */
    public boolean ownsTarget() {
        return outputStream != System.out && outputStream != System.err;
    }

    /** @return a UTF-8 writer over the target; closing it closes the target */
    public PrintWriter openWriter() {
        return new PrintWriter(new OutputStreamWriter(outputStream, StandardCharsets.UTF_8));
    }

    /**
     * Renders one record the way Kafka's print processor does.
     *
     * @param label the label, see {@link #labelOrElse(String)}
     * @param key the key
     * @param value the value
     * @return {@code "[label]: "} followed by the formatted record
     */
    public String format(String label, K key, V value) {
        return String.format("[%s]: %s", label, mapper.apply(key, value));
    }
}
