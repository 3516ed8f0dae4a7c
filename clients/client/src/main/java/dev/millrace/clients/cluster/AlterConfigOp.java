package dev.millrace.clients.cluster;

import java.util.Objects;

/**
 * One change of IncrementalAlterConfigs. Immutable.
 *
 * @param name the config key
 * @param value the operand (null for {@link OpType#DELETE})
 * @param opType the operation
 */
public record AlterConfigOp(String name, String value, OpType opType) {
    /** Checks for null. */
    public AlterConfigOp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
    }

    /** Operations with their wire ids (Kafka's {@code AlterConfigOp.OpType}). */
    public enum OpType {
        SET(0),
        DELETE(1),
        APPEND(2),
        SUBTRACT(3);

        private final byte id;

        OpType(int id) {
            this.id = (byte) id;
        }

        /** The wire id. */
        public byte id() {
            return id;
        }
    }
}
