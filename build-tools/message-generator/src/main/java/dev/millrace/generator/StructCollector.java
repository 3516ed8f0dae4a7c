package dev.millrace.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every struct a message uses (inline ones and referenced common ones), checks the
 * definition rules that need the whole message in view, and computes for each struct the versions
 * in which it can occur (its "scope"), which lets the emitter drop version checks that are always
 * true.
 *
 * <p>Rules checked: struct names unique within a message; tagged fields only in flexible versions,
 * tagged in every version they exist, unique tags per struct; nullable versions within the
 * field's versions; field versions inside the message's versions.
 */
public final class StructCollector {
    /** A struct and the versions in which it occurs. */
    record Scoped(StructSpec struct, Versions scope) {
    }

    private final MessageSpec message;
    private final Map<String, Scoped> structs = new LinkedHashMap<>();

    private StructCollector(MessageSpec message) {
        this.message = message;
    }

    static Map<String, Scoped> collect(MessageSpec message) {
        StructCollector collector = new StructCollector(message);
        if (message.validVersions().isEmpty()) {
            throw collector.error(0, "emptyValidVersions");
        }
        collector.visit(message.body(), message.validVersions(), true);
        return collector.structs;
    }

    private IllegalArgumentException error(int line, String reason) {
        return new IllegalArgumentException("file=" + message.sourceFile() + " line=" + line + " message="
                + message.className() + " reason=" + reason);
    }

    private void visit(StructSpec struct, Versions scope, boolean top) {
        Scoped existing = structs.get(struct.name());
        if (existing != null && !existing.struct().equals(struct)) {
            throw error(0, "duplicateStructName name=" + struct.name());
        }
        Versions merged = existing == null ? scope : union(existing.scope(), scope);
        structs.put(struct.name(), new Scoped(struct, merged));
        Map<Integer, String> tags = new LinkedHashMap<>();
        for (FieldSpec field : struct.fields()) {
            checkField(field, scope, tags);
            if (top && field.javaName().equals("apiKey")) {
                throw error(field.line(), "fieldNameClashesWithGeneratedMethod field=" + field.name());
            }
            if (field.type().isStruct()) {
                StructSpec child = resolve(field);
                if (!top && child.name().equals(message.className())) {
                    throw error(field.line(), "structNamedLikeMessage name=" + child.name());
                }
                Versions childScope = field.versions().intersect(scope);
                if (!childScope.isEmpty()) {
                    visit(child, childScope, false);
                }
            }
        }
    }

    private void checkField(FieldSpec field, Versions scope, Map<Integer, String> tags) {
        Versions present = field.versions().intersect(message.validVersions());
        if (present.isEmpty() && !field.versions().isEmpty()) {
            throw error(field.line(), "fieldVersionsOutsideMessage field=" + field.name() + " versions="
                    + field.versions() + " messageVersions=" + message.validVersions());
        }
        if (!field.versions().contains(field.nullableVersions().intersect(field.versions()))) {
            throw error(field.line(), "nullableVersionsOutsideFieldVersions field=" + field.name());
        }
        if (!field.nullableVersions().isEmpty() && field.type().fixedSize() > 0 && !field.type().array()) {
            throw error(field.line(), "fixedWidthTypeCannotBeNullable field=" + field.name());
        }
        if (field.isTagged()) {
            Versions taggedIn = field.taggedVersions().intersect(scope);
            if (!taggedIn.equals(field.versions().intersect(scope))) {
                throw error(field.line(), "taggedFieldMustBeTaggedInAllItsVersions field=" + field.name());
            }
            if (!message.flexibleVersions().contains(taggedIn)) {
                throw error(field.line(), "taggedFieldOutsideFlexibleVersions field=" + field.name());
            }
            String previous = tags.put(field.tag(), field.name());
            if (previous != null) {
                throw error(field.line(), "duplicateTag tag=" + field.tag() + " fields=" + previous + "," + field.name());
            }
        }
        if (RESERVED.contains(field.javaName())) {
            throw error(field.line(), "fieldNameClashesWithGeneratedMethod field=" + field.name());
        }
        Literals.checkDefault(field, message.sourceFile());
    }

    private static final List<String> RESERVED = List.of("size", "write", "read", "equals", "hashCode", "toString",
            "unknownTaggedFields", "setUnknownTaggedFields", "lowestSupportedVersion", "highestSupportedVersion",
            "getClass", "notify", "notifyAll", "wait");

    /** The struct a struct-typed field refers to: its inline fields, or a common struct. */
    StructSpec resolve(FieldSpec field) {
        return resolve(message, field);
    }

    public static StructSpec resolve(MessageSpec message, FieldSpec field) {
        if (!field.fields().isEmpty()) {
            return new StructSpec(field.type().name(), field.fields(), field.doc());
        }
        StructSpec common = message.commonStructs().get(field.type().name());
        if (common == null) {
            throw new IllegalArgumentException("file=" + message.sourceFile() + " line=" + field.line()
                    + " reason=unknownStruct type=" + field.type().name()
                    + " (give the fields inline, or declare 'struct " + field.type().name() + "')");
        }
        return common;
    }

    private static Versions union(Versions a, Versions b) {
        return new Versions((short) Math.min(a.lowest(), b.lowest()), (short) Math.max(a.highest(), b.highest()));
    }
}
