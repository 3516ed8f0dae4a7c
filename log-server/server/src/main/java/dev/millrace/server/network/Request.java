package dev.millrace.server.network;

import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.ApiMessage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One decoded request and the promise of its response. Exactly one of {@link #respond},
 * {@link #respondNothing} or {@link #closeConnection} takes effect (later calls are ignored), from
 * any thread; the connection then sends responses strictly in request order.
 */
public final class Request {
    private final Connection connection;
    private final RequestHeaderData header;
    private final ApiMessageType api;
    private final ApiMessage body;
    private final long receivedNanos;
    private final AtomicBoolean completed = new AtomicBoolean();
    // Written by the completing thread, read on the event loop after the hand-off in Connection.
    volatile ApiMessage response;
    volatile boolean closeAfter;
    volatile String closeReason;
    volatile boolean done;

    Request(Connection connection, RequestHeaderData header, ApiMessageType api, ApiMessage body, long receivedNanos) {
        this.connection = connection;
        this.header = header;
        this.api = api;
        this.body = body;
        this.receivedNanos = receivedNanos;
    }

    public ApiMessageType api() {
        return api;
    }

    public short version() {
        return header.requestApiVersion();
    }

    public int correlationId() {
        return header.correlationId();
    }

    public String clientId() {
        return header.clientId();
    }

    public RequestHeaderData header() {
        return header;
    }

    /** The request body, cast to the message class of its API. */
    public <T extends ApiMessage> T body(Class<T> type) {
        return type.cast(body);
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    /** A short identity of the connection for logs and error messages ({@code id=7 remote=/127.0.0.1:5555}). */
    public String connectionDescription() {
        return connection.toString();
    }

    /** Sends {@code response} once every earlier request of the connection has been answered. */
    public void respond(ApiMessage response) {
        if (completed.compareAndSet(false, true)) {
            this.response = response;
            connection.completed(this);
        }
    }

    /** Completes the request without a response (Produce with acks=0). */
    public void respondNothing() {
        if (completed.compareAndSet(false, true)) {
            connection.completed(this);
        }
    }

    /** Answers nothing and closes the connection once earlier responses are written. */
    public void closeConnection(String reason) {
        if (completed.compareAndSet(false, true)) {
            this.closeAfter = true;
            this.closeReason = reason;
            connection.completed(this);
        }
    }

    @Override
    public String toString() {
        return "Request(api=" + api.apiName() + " version=" + version() + " correlationId=" + correlationId()
                + " clientId=" + clientId() + " " + connection + ")";
    }
}
