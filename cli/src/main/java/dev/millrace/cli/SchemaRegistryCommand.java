package dev.millrace.cli;

import dev.millrace.serdes.avro.registry.server.SchemaRegistryServerConfig;
import dev.millrace.serdes.avro.registry.store.TopicSchemaStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace schema-registry --bootstrap-server H:P [--listeners URL] [--property k=v]...}: runs a
 * standalone schema registry whose schemas live in the log server's {@code _schemas} topic, in the
 * foreground until Ctrl-C or SIGTERM. {@code --property} sets any registry or store key
 * ({@code kafkastore.topic}, {@code schema.registry.http.threads}); the two options win over properties
 * with the same key. Exit codes: 0 after a stop by signal, 1 when the registry cannot start (log server
 * unreachable, unfit topic, port taken; one line on stderr), 2 usage.
 */
@Command(name = "schema-registry", mixinStandardHelpOptions = true,
        description = "Run a schema registry storing schemas in the log server's _schemas topic "
                + "(stop it with Ctrl-C or SIGTERM).")
public final class SchemaRegistryCommand implements Callable<Integer> {
    /** The listener used when neither --listeners nor a property names one. */
    static final String DEFAULT_LISTENER = "http://127.0.0.1:8081";

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "The log server to store schemas in.")
    private String bootstrapServer;

    @Option(names = "--listeners", paramLabel = "URL",
            description = "The registry's HTTP listener (default: " + DEFAULT_LISTENER + ").")
    private String listeners;

    @Option(names = "--property", paramLabel = "k=v",
            description = "A registry or store configuration key (repeatable).")
    private List<String> properties = List.of();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> configs;
        try {
            configs = ToolSupport.parsePairs(properties, "--property");
        } catch (IllegalArgumentException e) {
            return ToolSupport.usage(spec, e.getMessage());
        }
        configs.put(TopicSchemaStore.BOOTSTRAP_SERVERS, bootstrapServer);
        if (listeners != null) {
            configs.put(SchemaRegistryServerConfig.LISTENERS, listeners);
        }
        configs.putIfAbsent(SchemaRegistryServerConfig.LISTENERS, DEFAULT_LISTENER);
        EmbeddedRegistry registry;
        try {
            registry = EmbeddedRegistry.start(configs);
        } catch (RuntimeException e) {
            return ToolSupport.failed(spec, "millrace schema-registry: cannot start: ", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "schema-registry-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Schema registry started: " + registry.url() + " (schemas in topic " + registry.topic()
                + " on " + bootstrapServer + ")");
        out.println("Stop with Ctrl-C or: kill " + ProcessHandle.current().pid());
        out.flush();
        stopped.await();
        return ToolSupport.OK;
    }
}
