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
 * the Kafka wire protocol coverage); subcommands (server-start, topics, console-producer, ...)
 * join it as their issues land. Exit codes: 0 success, 2 usage error.
 */
@Command(name = "millrace", mixinStandardHelpOptions = true, versionProvider = MillraceCommand.Version.class,
        description = "Millrace: a Kafka-wire-compatible log server, streams DSL and topology test driver.",
        subcommands = {ApiVersionsCommand.class})
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
        System.exit(new CommandLine(new MillraceCommand()).execute(args));
    }
}
