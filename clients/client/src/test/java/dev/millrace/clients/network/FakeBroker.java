package dev.millrace.clients.network;

import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.message.RequestHeaderData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A tiny broker for tests: accepts connections on a loopback port and answers each request frame
 * with whatever the handler returns (a whole response frame, or null for no answer). Records every
 * request header it read. One accept thread, one thread per connection.
 */
final class FakeBroker implements AutoCloseable {
    private final ServerSocket server;
    private final BiFunction<RequestHeaderData, ByteBuffer, ByteBuffer> handler;
    final List<RequestHeaderData> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FakeBroker(BiFunction<RequestHeaderData, ByteBuffer, ByteBuffer> handler) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread acceptor = new Thread(this::acceptLoop, "fake-broker-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(socket), "fake-broker-conn");
                worker.setDaemon(true);
                worker.start();
            }
        } catch (IOException closed) {
            // The test closed the broker.
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] frame = new byte[in.readInt()];
                in.readFully(frame);
                ByteBuffer buffer = ByteBuffer.wrap(frame);
                RequestHeaderData header = Frames.readRequestHeader(buffer);
                requests.add(header);
                ByteBuffer response = handler.apply(header, buffer);
                if (response != null) {
                    out.write(response.array(), response.arrayOffset() + response.position(), response.remaining());
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // The client went away.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
