package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.protocol.record.CompressionType;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument checks that fail before any connection is attempted (the bootstrap address is never used). */
class CommandArgumentsTest {
    private static final String BOOTSTRAP = "127.0.0.1:1";

    private record Result(int code, String out, String err) {
    }

    private static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void shouldRequireATopicToCreate() {
        Result result = run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--create");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Missing required argument \"[topic]\"" + System.lineSeparator());
    }

    @Test
    void shouldRejectTwoTopicActions() {
        assertThat(run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--list", "--delete").code())
                .isEqualTo(2);
    }

    @Test
    void shouldRejectAlterWithoutPartitionsAndConfigOutsideCreate() {
        Result alter = run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--alter", "--topic", "t");
        assertThat(alter.code()).isEqualTo(2);
        assertThat(alter.err()).contains("[partitions]");
        Result config = run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--describe", "--config", "a=b");
        assertThat(config.code()).isEqualTo(2);
    }

    @Test
    void shouldRejectNonPositivePartitionsAndBadConfigPairs() {
        assertThat(run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--create", "--topic", "t",
                "--partitions", "0").err()).contains("partitions=0");
        assertThat(run(new TopicsCommand(), "--bootstrap-server", BOOTSTRAP, "--create", "--topic", "t",
                "--config", "novalue").code()).isEqualTo(2);
    }

    @Test
    void shouldRejectUnknownEntityTypeAndAlterWithoutChanges() {
        Result type = run(new ConfigsCommand(), "--bootstrap-server", BOOTSTRAP, "--entity-type", "users",
                "--describe");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err()).startsWith("Invalid entity type users");
        Result alter = run(new ConfigsCommand(), "--bootstrap-server", BOOTSTRAP, "--entity-type", "topics",
                "--entity-name", "t", "--alter");
        assertThat(alter.code()).isEqualTo(2);
        assertThat(alter.err()).contains("--add-config or --delete-config");
    }

    @Test
    void shouldRejectEntityDefaultForTopicsAndNonNumericBrokerNames() {
        assertThat(run(new ConfigsCommand(), "--bootstrap-server", BOOTSTRAP, "--entity-type", "topics",
                "--entity-default", "--describe").code()).isEqualTo(2);
        assertThat(run(new ConfigsCommand(), "--bootstrap-server", BOOTSTRAP, "--entity-type", "brokers",
                "--entity-name", "b1", "--describe").err()).contains("valid integer broker id");
    }

    @Test
    void shouldRejectMalformedAddConfig() {
        Result result = run(new ConfigsCommand(), "--bootstrap-server", BOOTSTRAP, "--entity-type", "topics",
                "--entity-name", "t", "--alter", "--add-config", "a=[1,2");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unbalanced");
    }

    @Test
    void shouldRequirePartitionWithOffsetForTheConsumer() {
        Result result = run(new ConsoleConsumerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--offset", "3");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("The partition is required when offset is specified."
                + System.lineSeparator());
    }

    @Test
    void shouldRejectBadOffsetsAndFromBeginningWithOffset() {
        assertThat(run(new ConsoleConsumerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--partition", "0", "--offset", "soon").err()).contains("'soon' is incorrect");
        assertThat(run(new ConsoleConsumerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--partition", "0", "--offset", "1", "--from-beginning").code()).isEqualTo(2);
        assertThat(run(new ConsoleConsumerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--max-messages", "0").code()).isEqualTo(2);
    }

    @Test
    void shouldRejectUnknownAcksAndCodecs() {
        Result acks = run(new ConsoleProducerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--request-required-acks", "2");
        assertThat(acks.code()).isEqualTo(2);
        assertThat(acks.err()).contains("Invalid value 2 for acks");
        Result codec = run(new ConsoleProducerCommand(), "--bootstrap-server", BOOTSTRAP, "--topic", "t",
                "--compression-codec", "brotli");
        assertThat(codec.code()).isEqualTo(2);
        assertThat(codec.err()).contains("brotli");
    }

    @Test
    void shouldResolveProducerSettingsWithFlagsWinningOverProducerProperties() {
        ConsoleProducerCommand command = new ConsoleProducerCommand();
        new CommandLine(command).parseArgs("--bootstrap-server", BOOTSTRAP, "--topic", "t", "--property",
                "parse.key=true", "--property", "key.separator=\\t", "--producer-property", "acks=1",
                "--producer-property", "compression.type=zstd", "--producer-property", "batch.size=100",
                "--request-required-acks", "all");
        ConsoleProducerCommand.Settings settings = command.settings();
        assertThat(settings).isEqualTo(new ConsoleProducerCommand.Settings((short) -1, CompressionType.ZSTD, 100,
                true, "\t"));
    }

    @Test
    void shouldUseGzipWhenTheCodecFlagHasNoValue() {
        ConsoleProducerCommand command = new ConsoleProducerCommand();
        new CommandLine(command).parseArgs("--bootstrap-server", BOOTSTRAP, "--topic", "t", "--compression-codec");
        assertThat(command.settings().compression()).isEqualTo(CompressionType.GZIP);
        assertThat(command.settings().acks()).isEqualTo((short) -1);
    }
}
