package dev.millrace.protocol.api;

import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.ApiMessage;

/**
 * A decoded request: its header, its API and its body.
 *
 * @param header the request header (api key, version, correlation id, client id)
 * @param api the API the header names
 * @param body the request body, decoded at {@code header.requestApiVersion()}
 */
public record ParsedRequest(RequestHeaderData header, ApiMessageType api, ApiMessage body) {
    /** The API version the request was encoded with. */
    public short version() {
        return header.requestApiVersion();
    }
}
