package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code schema-registry} against a port where no log server listens. */
@Tag("integration")
class SchemaRegistryCommandIT {
    @Test
    void shouldExitWithOneLineWhenTheLogServerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new SchemaRegistryCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));

        int code = line.execute("--bootstrap-server", "127.0.0.1:" + closedPort, "--listeners", "http://127.0.0.1:0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("millrace schema-registry: cannot start: topic=_schemas")
                .contains("reason=noBrokerReachable");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }
}
