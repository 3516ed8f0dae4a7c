package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/millrace} tool commands (topics, configs, console-producer, console-consumer) run
 * in-process against a real server, asserting on the output formats the commands document.
 */
@Tag("integration")
class CliIT {
    @TempDir
    static Path dir;
    static MillraceServer server;
    static String bootstrap;

    /** One command's exit code and captured streams. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void start() {
        server = MillraceServer.start(ServerConfig.fromMap(Map.of("listeners", "PLAINTEXT://127.0.0.1:0",
                "log.dirs", dir.resolve("data").toString(), "num.io.threads", "2", "num.network.threads", "2")));
        bootstrap = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldCreateListDescribeAlterAndDeleteTopics() {
        Run created = run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-topic",
                "--partitions", "3", "--replication-factor", "1", "--config", "retention.ms=3600000");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Created topic cli-topic.\n");

        Run again = run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-topic");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).startsWith(TopicsCommand.ERROR_PREFIX).contains("cli-topic").endsWith("\n");
        assertThat(again.err().lines()).hasSize(1);
        assertThat(run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-topic",
                "--if-not-exists").code()).isZero();

        run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-other");
        Run listed = run("topics", "--bootstrap-server", bootstrap, "--list");
        assertThat(listed.code()).isZero();
        assertThat(listed.lines()).contains("cli-topic", "cli-other");

        int node = server.config().nodeId();
        String id = server.metadataImage().topic("cli-topic").id().toString();
        Run described = run("topics", "--bootstrap-server", bootstrap, "--describe", "--topic", "cli-topic");
        assertThat(described.code()).as(described.err()).isZero();
        assertThat(described.lines()).containsExactly(
                "Topic: cli-topic\tTopicId: " + id + "\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: "
                        + "retention.ms=3600000",
                partitionLine("cli-topic", 0, node), partitionLine("cli-topic", 1, node),
                partitionLine("cli-topic", 2, node));

        Run altered = run("topics", "--bootstrap-server", bootstrap, "--alter", "--topic", "cli-topic",
                "--partitions", "4");
        assertThat(altered.code()).as(altered.err()).isZero();
        assertThat(run("topics", "--bootstrap-server", bootstrap, "--describe", "--topic", "cli-topic").lines())
                .hasSize(5).contains(partitionLine("cli-topic", 3, node));
        Run shrink = run("topics", "--bootstrap-server", bootstrap, "--alter", "--topic", "cli-topic",
                "--partitions", "2");
        assertThat(shrink.code()).isEqualTo(1);
        assertThat(shrink.err()).startsWith(TopicsCommand.ERROR_PREFIX);

        Run deleted = run("topics", "--bootstrap-server", bootstrap, "--delete", "--topic", "cli-other");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(run("topics", "--bootstrap-server", bootstrap, "--list").lines()).contains("cli-topic")
                .doesNotContain("cli-other");
        Run missing = run("topics", "--bootstrap-server", bootstrap, "--describe", "--topic", "cli-other");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo(TopicsCommand.ERROR_PREFIX
                + "Topic 'cli-other' does not exist as expected\n");
    }

    @Test
    void shouldRejectBadTopicFlagsAsUsageErrors() {
        Run run = run("topics", "--bootstrap-server", bootstrap, "--alter", "--topic", "x");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("partitions");
        Run noAction = run("topics", "--bootstrap-server", bootstrap);
        assertThat(noAction.code()).isEqualTo(2);
        assertThat(noAction.err()).contains("(see --help)");
    }

    @Test
    void shouldDescribeAndAlterConfigs() {
        run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-configs");
        Run alter = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--alter", "--add-config", "retention.ms=7200000,cleanup.policy=[compact,delete]");
        assertThat(alter.code()).as(alter.err()).isZero();
        assertThat(alter.out()).isEqualTo("Completed updating config for topic cli-configs.\n");

        Run dynamic = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--describe");
        assertThat(dynamic.code()).as(dynamic.err()).isZero();
        List<String> lines = dynamic.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Dynamic configs for topic cli-configs are:");
        assertThat(lines.get(1)).startsWith("  cleanup.policy=compact,delete sensitive=false synonyms={"
                + "DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete");
        assertThat(lines.get(2)).startsWith("  retention.ms=7200000 sensitive=false synonyms={"
                + "DYNAMIC_TOPIC_CONFIG:retention.ms=7200000");

        Run delete = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--alter", "--delete-config", "retention.ms");
        assertThat(delete.code()).as(delete.err()).isZero();
        assertThat(run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--describe").lines()).hasSize(2);

        Run all = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--describe", "--all");
        assertThat(all.lines().get(0)).isEqualTo("All configs for topic cli-configs are:");
        assertThat(all.lines()).anySatisfy(l -> assertThat(l).startsWith("  max.message.bytes=1048588 "
                + "sensitive=false synonyms={DEFAULT_CONFIG:message.max.bytes=1048588}"));

        Run invalid = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "topics", "--entity-name",
                "cli-configs", "--alter", "--add-config", "retention.ms=soon");
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).startsWith("Error while executing config command with args '");

        String node = Integer.toString(server.config().nodeId());
        Run broker = run("configs", "--bootstrap-server", bootstrap, "--entity-type", "brokers", "--entity-name",
                node, "--describe", "--all");
        assertThat(broker.code()).as(broker.err()).isZero();
        assertThat(broker.lines().get(0)).isEqualTo("All configs for broker " + node + " are:");
        assertThat(broker.lines()).anySatisfy(l -> assertThat(l).startsWith("  num.io.threads=2 sensitive=false "
                + "synonyms={STATIC_BROKER_CONFIG:num.io.threads=2"));
    }

    @Test
    void shouldProduceLinesAndConsumeThemBack() {
        run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-lines", "--partitions", "2");
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            input.append("key").append(i).append(':').append("value ").append(i).append('\n');
            expected.add("key" + i + "\tvalue " + i);
        }
        CommandLine producer = commandLine();
        ConsoleProducerCommand command = producer.getSubcommands().get("console-producer").getCommand();
        command.input = new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8));
        Run produced = execute(producer, "console-producer", "--bootstrap-server", bootstrap, "--topic",
                "cli-lines", "--property", "parse.key=true", "--property", "key.separator=:",
                "--compression-codec", "lz4");
        assertThat(produced.code()).as(produced.err()).isZero();

        Run consumed = run("console-consumer", "--bootstrap-server", bootstrap, "--topic", "cli-lines",
                "--from-beginning", "--max-messages", "20", "--timeout-ms", "20000", "--property", "print.key=true");
        assertThat(consumed.code()).as(consumed.err()).isZero();
        assertThat(consumed.lines()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(consumed.err()).isEqualTo("Processed a total of 20 messages\n");

        Run detailed = run("console-consumer", "--bootstrap-server", bootstrap, "--topic", "cli-lines",
                "--partition", "0", "--offset", "0", "--max-messages", "1", "--timeout-ms", "20000",
                "--property", "print.key=true", "--property", "print.partition=true", "--property",
                "print.offset=true", "--property", "print.headers=true", "--property", "print.timestamp=true",
                "--property", "key.separator=|");
        assertThat(detailed.code()).as(detailed.err()).isZero();
        assertThat(detailed.lines()).singleElement().asString()
                .matches("CreateTime:\\d+\\|Partition:0\\|Offset:0\\|NO_HEADERS\\|key\\d+\\|value \\d+");
    }

    @Test
    void shouldStopConsumingAtTimeoutWhenTopicIsEmpty() {
        run("topics", "--bootstrap-server", bootstrap, "--create", "--topic", "cli-empty");
        Run consumed = run("console-consumer", "--bootstrap-server", bootstrap, "--topic", "cli-empty",
                "--from-beginning", "--timeout-ms", "300");
        assertThat(consumed.code()).as(consumed.err()).isZero();
        assertThat(consumed.out()).isEmpty();
        assertThat(consumed.err()).isEqualTo("Processed a total of 0 messages\n");
    }

    private static String partitionLine(String topic, int partition, int node) {
        return "\tTopic: " + topic + "\tPartition: " + partition + "\tLeader: " + node + "\tReplicas: " + node
                + "\tIsr: " + node + "\tElr: \tLastKnownElr: ";
    }

    private static CommandLine commandLine() {
        return MillraceCommand.commandLine();
    }

    private static Run run(String... args) {
        return execute(commandLine(), args);
    }

    private static Run execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
