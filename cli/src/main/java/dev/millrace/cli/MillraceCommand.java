package dev.millrace.cli;

import dev.millrace.protocol.message.ApiMessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code bin/millrace}: the root command. Without a subcommand it prints the banner (version and
 * the Kafka wire protocol coverage). Subcommands: server-start, topics, configs, console-producer,
 * console-consumer, dump-log, api-versions, schema-registry. Exit codes: 0 success, 1 runtime failure,
 * 2 usage error.
 */
@Command(name = "millrace", mixinStandardHelpOptions = true, versionProvider = MillraceCommand.Version.class,
        description = "Millrace: a Kafka-wire-compatible log server, streams DSL and topology test driver.",
        subcommands = {ServerStartCommand.class, TopicsCommand.class, ConfigsCommand.class,
            ConsoleProducerCommand.class, ConsoleConsumerCommand.class, DumpLogCommand.class,
            ApiVersionsCommand.class, SchemaRegistryCommand.class})
public final class MillraceCommand implements Runnable {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(banner());
        out.println();
        spec.commandLine().usage(out);
    }

    /** One line naming the version and how much of the protocol the codecs cover. */
    static String banner() {
        return "Millrace " + version() + " - Kafka wire protocol codecs for " + ApiMessageType.values().length
                + " APIs";
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = MillraceCommand.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Millrace " + version(), "Java " + Runtime.version()};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: a usage error prints one line (the problem and where to get help)
     * and exits with 2, as the command-line rules of the project ask.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MillraceCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see --help)");
            return 2;
        });
        return cl;
    }
}
