package dev.millrace.serdes.avro.registry.core;

import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a candidate schema may join a subject, using Avro's reader/writer compatibility rules
 * (which honour defaults, aliases, union branches, enum symbols and type promotions): a backward check
 * lets the candidate read each earlier schema's data, a forward check lets each earlier schema read the
 * candidate's data.
 *
 * <p>Each incompatibility becomes one line of {@code key=value} facts naming the error type, the field
 * path (resolved from Avro's location pointer against the reading schema, for example
 * {@code field=lines.quantity}), the location, Avro's own detail, the earlier version and the direction.
 * Stateless and thread-safe.
 */
final class CompatibilityChecker {
    /** An earlier version to compare with. */
    record Earlier(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * Compares a candidate with earlier versions.
     *
     * @param level which directions to check
     * @param candidate the new schema
     * @param earlier the versions to compare with (already narrowed to the latest for plain levels)
     * @return one line per incompatibility; empty when compatible
     */
    static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        List<String> issues = new ArrayList<>();
        for (Earlier old : earlier) {
            if (level.backward()) {
                describe(issues, "newReadsOld", candidate, old.schema(), old.version());
            }
            if (level.forward()) {
                describe(issues, "oldReadsNew", old.schema(), candidate, old.version());
            }
        }
        return issues;
    }

    private static void describe(List<String> issues, String direction, Schema reader, Schema writer, int version) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            StringBuilder line = new StringBuilder("errorType=").append(incompatibility.getType());
            String field = fieldPath(reader, incompatibility.getLocation());
            if (!field.isEmpty()) {
                line.append(" field=").append(field);
            }
            line.append(" location=").append(incompatibility.getLocation())
                    .append(" detail='").append(incompatibility.getMessage()).append('\'')
                    .append(" oldSchemaVersion=").append(version)
                    .append(" direction=").append(direction);
            issues.add(line.toString());
        }
    }

    /**
     * Turns Avro's location pointer (for example {@code /fields/3/type/items/fields/1}) into a dotted
     * field path by walking the reading schema; stops quietly where the pointer leaves fields.
     *
     * @param root the reading schema
     * @param location the pointer
     * @return the dotted path, or empty if the pointer names no field
     */
    static String fieldPath(Schema root, String location) {
        String[] tokens = location == null ? new String[0] : location.split("/");
        List<String> names = new ArrayList<>();
        Schema schema = root;
        for (int i = 0; i < tokens.length && schema != null; i++) {
            String token = tokens[i];
            if (token.equals("fields") && i + 1 < tokens.length && schema.getType() == Schema.Type.RECORD) {
                int index = index(tokens[++i]);
                if (index < 0 || index >= schema.getFields().size()) {
                    break;
                }
                Schema.Field field = schema.getFields().get(index);
                names.add(field.name());
                schema = field.schema();
            } else if (token.equals("items") && schema.getType() == Schema.Type.ARRAY) {
                schema = schema.getElementType();
            } else if (token.equals("values") && schema.getType() == Schema.Type.MAP) {
                schema = schema.getValueType();
            } else if (schema.getType() == Schema.Type.UNION && index(token) >= 0
                    && index(token) < schema.getTypes().size()) {
                schema = schema.getTypes().get(index(token));
            } else if (!token.isEmpty() && !token.equals("type")) {
                break;
            }
        }
        return String.join(".", names);
    }

    private static int index(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
