package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Checks of {@code schema-registry} and of the embedded registry that fail or finish before any connection. */
class SchemaRegistryCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new SchemaRegistryCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void shouldRequireTheBootstrapServer() {
        Result result = run("--listeners", "http://127.0.0.1:0");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--bootstrap-server");
    }

    @Test
    void shouldRejectPropertyWithoutEqualsSignAsUsageError() {
        Result result = run("--bootstrap-server", "127.0.0.1:1", "--property", "kafkastore.topic");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("option=--property");
    }

    @Test
    void shouldFailWithOneLineForMalformedListenerBeforeContactingTheLogServer() {
        Result result = run("--bootstrap-server", "127.0.0.1:1", "--listeners", "ftp://127.0.0.1:8081");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("millrace schema-registry: cannot start: key=schema.registry.listeners")
                .contains("reason=expectedHttpHostPort");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void shouldNotStartTheEmbeddedRegistryWhenListenersAreUnset() {
        assertThat(EmbeddedRegistry.startIfConfigured(ServerConfig.fromMap(Map.of()), "127.0.0.1:1")).isNull();
        assertThat(EmbeddedRegistry.startIfConfigured(ServerConfig.fromMap(Map.of("schema.registry.listeners", "")),
                "127.0.0.1:1")).isNull();
    }
}
