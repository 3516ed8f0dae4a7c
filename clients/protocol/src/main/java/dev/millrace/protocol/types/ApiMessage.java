package dev.millrace.protocol.types;

/** A request or response body of one API. */
public interface ApiMessage extends Message {
    /** The API key of the request or response. */
    short apiKey();
}
