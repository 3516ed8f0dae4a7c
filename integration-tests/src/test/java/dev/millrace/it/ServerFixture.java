package dev.millrace.it;

import dev.millrace.server.MillraceServer;
import dev.millrace.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A single-node Millrace server on 127.0.0.1 with an ephemeral port and its data in a test's
 * temporary directory. {@link #restart()} stops it gracefully and starts it again on the same data
 * (and a new port: clients must be recreated). Not thread-safe; one per test.
 */
final class ServerFixture implements AutoCloseable {
    private final Map<String, String> configs = new HashMap<>();
    private MillraceServer server;

    ServerFixture(Path dataDir, Map<String, String> overrides) {
        configs.put("listeners", "PLAINTEXT://127.0.0.1:0");
        configs.put("log.dirs", dataDir.resolve("data").toString());
        configs.put("num.io.threads", "2");
        configs.put("num.network.threads", "2");
        configs.putAll(overrides);
        server = MillraceServer.start(ServerConfig.fromMap(configs));
    }

    ServerFixture(Path dataDir) {
        this(dataDir, Map.of());
    }

    String bootstrap() {
        return "127.0.0.1:" + server.port();
    }

    MillraceServer server() {
        return server;
    }

    void restart() {
        server.close();
        server = MillraceServer.start(ServerConfig.fromMap(configs));
    }

    @Override
    public void close() {
        server.close();
    }
}
