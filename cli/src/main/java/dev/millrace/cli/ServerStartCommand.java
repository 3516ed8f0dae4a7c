package dev.millrace.cli;

import dev.millrace.common.config.ConfigException;
import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code millrace server-start [server.properties] [--override k=v]...}: runs a single-node server in
 * the foreground until Ctrl-C or SIGTERM, which flush every log and write the clean-shutdown marker
 * (the next start then skips recovery). Without a file it uses Kafka's defaults with Millrace's
 * single-node choices: listener 127.0.0.1:9092, data under ~/.millrace/data. Exit codes: 0 after a
 * graceful stop, 1 when the server cannot start (bad config, port taken, corrupt log), 2 usage.
 */
@Command(name = "server-start", mixinStandardHelpOptions = true,
        description = "Start a single-node Millrace server (stop it with Ctrl-C or SIGTERM).")
public final class ServerStartCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "server.properties",
            description = "Server configuration file with Kafka's key names (optional).")
    private Path propertiesFile;

    @Option(names = "--override", paramLabel = "k=v", description = "Override a configuration key (repeatable).")
    private List<String> overrides = List.of();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> extra = new LinkedHashMap<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--override needs key=value, got: " + o);
            }
            extra.put(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
        if (propertiesFile != null && !Files.isRegularFile(propertiesFile)) {
            err.println("millrace server-start: no such file: " + propertiesFile);
            return 1;
        }
        ServerConfig config;
        try {
            config = ServerConfig.load(propertiesFile, extra);
        } catch (ConfigException e) {
            err.println("millrace server-start: " + e.getMessage());
            return 1;
        }
        for (String warning : config.warnings()) {
            err.println("WARN " + warning);
        }
        MillraceServer server;
        try {
            server = MillraceServer.start(config);
        } catch (RuntimeException e) {
            err.println("millrace server-start: cannot start: " + e.getMessage());
            return 1;
        }
        String bootstrap = config.advertisedListeners().get(0).host() + ":" + server.port();
        EmbeddedRegistry registry;
        try {
            registry = EmbeddedRegistry.startIfConfigured(config, bootstrap);
        } catch (RuntimeException e) {
            server.close();
            err.println("millrace server-start: cannot start the schema registry: " + e.getMessage());
            return 1;
        }
        awaitShutdown(config, server, registry, bootstrap, out);
        return 0;
    }

    private static void awaitShutdown(ServerConfig config, MillraceServer server, EmbeddedRegistry registry,
                                      String bootstrap, PrintWriter out) throws InterruptedException {
        Thread hook = new Thread(() -> {
            if (registry != null) {
                registry.close();
            }
            server.close();
        }, "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Millrace server started: node.id=" + config.nodeId() + " cluster.id=" + server.clusterId()
                + " bootstrap=" + bootstrap);
        if (registry != null) {
            out.println("Schema registry started: " + registry.url() + " (topic " + registry.topic() + ")");
        }
        out.println("Data directories: " + config.logDirs() + " (metadata: " + config.metadataLogDir() + ")");
        out.println("Stop with Ctrl-C or: kill " + ProcessHandle.current().pid());
        out.flush();
        server.awaitShutdown();
    }
}
