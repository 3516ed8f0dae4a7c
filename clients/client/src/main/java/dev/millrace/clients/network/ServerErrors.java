package dev.millrace.clients.network;

import dev.millrace.common.errors.ApiException;
import dev.millrace.protocol.error.ErrorCode;

/**
 * Turns error codes found in responses into exceptions. The message is the broker's own error
 * message when it sent one (Kafka's wording, for example {@code Topic 'x' already exists.}), else
 * the code's default sentence, followed by the facts in parentheses:
 * {@code Topic 'x' already exists. (error=TOPIC_ALREADY_EXISTS topic=x)}. Stateless.
 */
public final class ServerErrors {
    private ServerErrors() {
    }

    /**
     * Throws the exception for {@code code} unless it is {@code NONE}.
     *
     * @param code the wire error code
     * @param serverMessage the broker's error message, or null
     * @param facts {@code key=value} facts naming what failed (topic, partition, ...)
     * @throws ApiException the mapped exception (its class follows {@link ErrorCode})
     */
    public static void throwIfError(short code, String serverMessage, String facts) {
        ApiException failure = exception(code, serverMessage, facts);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Builds the exception for {@code code}, or returns null for {@code NONE}.
     *
     * @param code the wire error code
     * @param serverMessage the broker's error message, or null
     * @param facts {@code key=value} facts naming what failed
     */
    public static ApiException exception(short code, String serverMessage, String facts) {
        ErrorCode error = ErrorCode.forCode(code);
        if (error == ErrorCode.NONE) {
            return null;
        }
        String text = serverMessage == null || serverMessage.isEmpty() ? error.defaultMessage() : serverMessage;
        String named = error == ErrorCode.UNKNOWN_SERVER_ERROR && code != -1 ? error.name() + " code=" + code
                : error.name();
        return error.exception(text + " (error=" + named + (facts.isEmpty() ? "" : " " + facts) + ")");
    }
}
