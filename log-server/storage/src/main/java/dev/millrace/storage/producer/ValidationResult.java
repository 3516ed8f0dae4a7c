package dev.millrace.storage.producer;

import dev.millrace.protocol.error.ErrorCode;

/**
 * The answer of {@link ProducerStateTable#validate(BatchInfo)} for one batch before it is appended.
 * Exactly one of:
 * <ul>
 *   <li>{@link Accepted}: append the batch, then call {@link ProducerStateTable#update(BatchInfo)};</li>
 *   <li>{@link Duplicate}: a retry of a batch already in the log; append nothing and answer success
 *       with the original batch's offsets;</li>
 *   <li>{@link Rejected}: append nothing and answer the partition with the error code.</li>
 * </ul>
 */
public sealed interface ValidationResult
    permits ValidationResult.Accepted, ValidationResult.Duplicate, ValidationResult.Rejected {

    /** The shared instance of {@link Accepted}. */
    Accepted ACCEPTED = new Accepted();

    /** The batch may be appended. */
    record Accepted() implements ValidationResult {
    }

    /**
     * The batch repeats one of the producer's last five batches of the same epoch.
     *
     * @param original the batch already in the log; its {@link BatchMetadata#firstOffset()} is the
     *                 base offset to return to the producer
     */
    record Duplicate(BatchMetadata original) implements ValidationResult {
    }

    /**
     * The batch breaks an idempotence or fencing rule.
     *
     * @param error the error code for the partition response
     * @param message the facts as {@code key=value} pairs, for the response's error message and logs
     */
    record Rejected(ErrorCode error, String message) implements ValidationResult {
    }
}
