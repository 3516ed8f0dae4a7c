package dev.millrace.cli;

import dev.millrace.protocol.message.ApiMessageType;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code millrace api-versions}: lists every API the protocol codecs support with its version range
 * and first flexible version, like the table an ApiVersions response carries.
 */
@Command(name = "api-versions", mixinStandardHelpOptions = true,
        description = "List the Kafka APIs and versions Millrace's protocol codecs support.")
final class ApiVersionsCommand implements Runnable {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-4s %-28s %s%n", "key", "api", "versions");
        for (ApiMessageType api : ApiMessageType.values()) {
            out.printf("%-4d %-28s %d-%d%n", api.apiKey(), api.apiName(), api.lowestSupportedVersion(),
                    api.highestSupportedVersion());
        }
    }
}
