package dev.millrace.protocol.types;

import java.util.List;

/**
 * Interleaves unknown tagged fields with the known ones of a struct while it is written, so that
 * the tagged-fields section keeps ascending tag order: before each known tag, every unknown field
 * with a smaller tag is written. Used by generated code only; one instance per write.
 */
public final class RawTaggedFieldWriter {
    private final List<RawTaggedField> fields;
    private int next;

    public RawTaggedFieldWriter(List<RawTaggedField> fields) {
        this.fields = fields;
    }

    /** Writes the pending unknown fields whose tag is below {@code nextKnownTag}. */
    public void writeRawTags(Writable out, int nextKnownTag) {
        while (next < fields.size() && fields.get(next).tag() < nextKnownTag) {
            fields.get(next).writeTo(out);
            next++;
        }
    }
}
