package dev.millrace.metadata;

import dev.millrace.protocol.types.Message;
import java.util.List;
import java.util.function.Consumer;

/**
 * A validated request: the records to commit as one batch and the response to return, plus what
 * to do to the response when the commit fails (turn every item that succeeded into that error).
 *
 * @param records the records, empty when nothing changes
 * @param response the response as it is when the records commit
 * @param onCommitFailure rewrites the successful items of the response with the commit's error
 * @param <R> the response type
 */
record Plan<R>(List<Message> records, R response, Consumer<ApiError> onCommitFailure) {
}
