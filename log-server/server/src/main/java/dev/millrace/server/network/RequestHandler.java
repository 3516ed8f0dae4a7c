package dev.millrace.server.network;

/**
 * Receives every decoded request. Called on a Netty event loop: implementations must not block;
 * they hand the request to the thread that owns the state it needs and complete it from there.
 */
@FunctionalInterface
public interface RequestHandler {
    void handle(Request request);
}
