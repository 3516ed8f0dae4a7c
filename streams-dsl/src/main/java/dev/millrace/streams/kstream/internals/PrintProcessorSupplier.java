package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.api.Record;

import java.io.PrintWriter;

/**
 * The {@code print(Printed)} processor: writes {@code [label]: formatted-record} lines to standard out or a file
 * (flushed per record; a file is closed with the processor). Every processor instance shares the one target.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class PrintProcessorSupplier<K, V> implements ProcessorSupplier<K, V, Void, Void> {

    private final PrintedInternal<K, V> printed;
    private final String label;
    private PrintWriter writer;

    PrintProcessorSupplier(PrintedInternal<K, V> printed, String streamName) {
        this.printed = printed;
        this.label = printed.labelOrElse(streamName);
    }

    private synchronized PrintWriter writer() {
        if (writer == null) {
            writer = printed.openWriter();
        }
        return writer;
    }

    @Override
    public Processor<K, V, Void, Void> get() {
        return new Processor<>() {
            @Override
            public void init(ProcessorContext<Void, Void> context) {
                writer();
            }

            @Override
            public void process(Record<K, V> record) {
                PrintWriter out = writer();
                out.println(printed.format(label, record.key(), record.value()));
                out.flush();
            }

            @Override
            public void close() {
                if (printed.ownsTarget()) {
                    writer().close();
                }
            }
        };
    }
}
