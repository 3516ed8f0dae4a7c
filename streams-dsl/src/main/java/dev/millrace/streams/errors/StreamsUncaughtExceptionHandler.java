package dev.millrace.streams.errors;

/**
 * Decides what happens to a stream thread that died with an exception: replace the thread, shut down this client,
 * or shut down the whole application; mirrors Kafka's {@code StreamsUncaughtExceptionHandler}. Called on the
 * dying stream thread.
 */
public interface StreamsUncaughtExceptionHandler {

    /**
     * Inspects the exception that killed a stream thread.
     *
     * @param exception the exception
     * @return what to do next
     */
    StreamThreadExceptionResponse handle(Throwable exception);

    /** The possible reactions to a dead stream thread. */
    enum StreamThreadExceptionResponse {
        /** Start a new stream thread in place of the dead one. */
        REPLACE_THREAD(0, "REPLACE_THREAD"),
        /** Shut down this client. */
        SHUTDOWN_CLIENT(1, "SHUTDOWN_KAFKA_STREAMS_CLIENT"),
        /** Shut down every client of the application. */
        SHUTDOWN_APPLICATION(2, "SHUTDOWN_KAFKA_STREAMS_APPLICATION");

        /** The readable name, as Kafka spells it. */
        public final String name;
        /** The permanent id. */
        public final int id;

        StreamThreadExceptionResponse(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
