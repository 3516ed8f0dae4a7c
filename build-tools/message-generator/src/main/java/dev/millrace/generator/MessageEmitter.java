package dev.millrace.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the Java class of one message: a top-level class for the message body and one static
 * nested class per struct it uses. Each class has fields initialised to their defaults, fluent
 * setters, a reading constructor, {@code size}/{@code write}, {@code equals}/{@code hashCode} and
 * {@code toString}.
 *
 * <p>Version handling follows the protocol rules: a field absent in the version being read keeps its
 * default; writing a non-default value of a field that the version lacks fails with
 * UnsupportedVersionException unless the field is ignorable; flexible versions use compact
 * encodings and end every struct with a tagged-fields section in ascending tag order, unknown tags
 * being kept and re-written.
 */
final class MessageEmitter {
    /** The package generated classes go to when the build names none. */
    static final String PACKAGE = "dev.millrace.protocol.message";

    private final MessageSpec message;
    private final String packageName;
    private final CodeWriter out = new CodeWriter();

    private MessageEmitter(MessageSpec message, String packageName) {
        this.message = message;
        this.packageName = packageName;
    }

    static String emit(MessageSpec message) {
        return emit(message, PACKAGE);
    }

    static String emit(MessageSpec message, String packageName) {
        return new MessageEmitter(message, packageName).emitFile();
    }

    private String emitFile() {
        Map<String, StructCollector.Scoped> structs = StructCollector.collect(message);
        out.line("package " + packageName + ";");
        out.blank();
        out.line("import dev.millrace.common.Uuid;");
        out.line("import dev.millrace.common.errors.UnsupportedVersionException;");
        out.line("import dev.millrace.protocol.record.Records;");
        out.line("import dev.millrace.protocol.types.ApiMessage;");
        out.line("import dev.millrace.protocol.types.Message;");
        out.line("import dev.millrace.protocol.types.RawTaggedField;");
        out.line("import dev.millrace.protocol.types.RawTaggedFieldWriter;");
        out.line("import dev.millrace.protocol.types.Readable;");
        out.line("import dev.millrace.protocol.types.Sizes;");
        out.line("import dev.millrace.protocol.types.Writable;");
        out.line("import java.util.ArrayList;");
        out.line("import java.util.Arrays;");
        out.line("import java.util.List;");
        out.line("import java.util.Objects;");
        out.blank();
        StructCollector.Scoped body = structs.values().iterator().next();
        emitStruct(body.struct(), body.scope(), true, structs);
        return out.toString();
    }

    private void emitStruct(StructSpec struct, Versions scope, boolean top, Map<String, StructCollector.Scoped> all) {
        String name = struct.name();
        javadoc(struct.doc().isEmpty() ? defaultDoc(top) : escapeDoc(struct.doc()),
                "Generated from " + message.sourceFile() + "; do not edit.");
        if (top) {
            out.line("@SuppressWarnings(\"all\")");
            String iface = message.kind() == MessageSpec.Kind.REQUEST || message.kind() == MessageSpec.Kind.RESPONSE
                    ? "ApiMessage" : "Message";
            out.line("public final class " + name + " implements " + iface + " {");
            if (message.apiKey() >= 0 && iface.equals("ApiMessage")) {
                out.line("public static final short API_KEY = " + message.apiKey() + ";");
            }
            out.line("public static final short LOWEST_SUPPORTED_VERSION = " + message.validVersions().lowest() + ";");
            out.line("public static final short HIGHEST_SUPPORTED_VERSION = " + message.validVersions().highest() + ";");
            out.blank();
        } else {
            out.line("public static final class " + name + " implements Message {");
        }
        for (FieldSpec f : struct.fields()) {
            out.line("private " + f.type().javaType() + " " + f.javaName() + " = " + Literals.initializer(f) + ";");
        }
        out.line("private List<RawTaggedField> unknownTaggedFields = List.of();");
        out.blank();
        javadoc("Creates a struct with every field at its default.", null);
        out.line("public " + name + "() {");
        out.line("}");
        out.blank();
        javadoc("Reads a struct encoded at {@code version}.", null);
        out.line("public " + name + "(Readable in, short version) {");
        out.line("read(in, version);");
        out.line("}");
        out.blank();
        emitRead(struct, scope, top);
        emitWrite(struct, scope, top);
        emitSize(struct, scope);
        emitAccessors(struct, top);
        emitEquality(struct);
        if (top) {
            for (StructCollector.Scoped nested : all.values()) {
                if (nested.struct() != struct && !nested.struct().name().equals(name)) {
                    out.blank();
                    emitStruct(nested.struct(), nested.scope(), false, all);
                }
            }
        }
        out.line("}");
    }

    private String defaultDoc(boolean top) {
        if (!top) {
            return "A struct of " + message.className() + ".";
        }
        return switch (message.kind()) {
            case REQUEST -> "Body of the " + message.apiName() + " request (api key " + message.apiKey() + ").";
            case RESPONSE -> "Body of the " + message.apiName() + " response (api key " + message.apiKey() + ").";
            default -> message.className() + ".";
        };
    }

    private void javadoc(String text, String second) {
        out.line("/**");
        out.line(" * " + text);
        if (second != null) {
            out.line(" * <p>" + second);
        }
        out.line(" */");
    }

    private static String escapeDoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("{", "&#123;");
    }

    private String flexibleCondition(Versions scope) {
        return message.flexibleVersions().condition(scope);
    }

    private static String compact(FieldSpec f) {
        return f.neverCompact() ? "false" : "flexible";
    }

    private List<FieldSpec> tagged(StructSpec struct) {
        List<FieldSpec> tagged = new ArrayList<>();
        for (FieldSpec f : struct.fields()) {
            if (f.isTagged()) {
                tagged.add(f);
            }
        }
        tagged.sort(Comparator.comparingInt(FieldSpec::tag));
        return tagged;
    }

    private void versionCheck(boolean top) {
        if (top) {
            out.line("if (version < LOWEST_SUPPORTED_VERSION || version > HIGHEST_SUPPORTED_VERSION) {");
            out.line("throw new UnsupportedVersionException(\"message=" + message.className()
                    + " version=\" + version + \" supportedVersions=" + message.validVersions() + "\");");
            out.line("}");
        }
    }

    // ---- read ---------------------------------------------------------------------------------

    private void emitRead(StructSpec struct, Versions scope, boolean top) {
        out.line("private void read(Readable in, short version) {");
        versionCheck(top);
        out.line("final boolean flexible = " + flexibleCondition(scope) + ";");
        for (FieldSpec f : struct.fields()) {
            if (f.isTagged()) {
                continue;
            }
            String cond = f.versions().condition(scope);
            if (cond.equals("false")) {
                continue;
            }
            open(cond);
            readField(struct, f, "in", compact(f), f.nullableVersions().condition(scope));
            out.line("}");
        }
        out.line("if (flexible) {");
        out.line("int numTaggedFields = in.readUnsignedVarint();");
        out.line("for (int t = 0; t < numTaggedFields; t++) {");
        out.line("int tag = in.readUnsignedVarint();");
        out.line("int tagSize = in.readUnsignedVarint();");
        String prefix = "";
        for (FieldSpec f : tagged(struct)) {
            String cond = f.taggedVersions().condition(scope);
            if (cond.equals("false")) {
                continue;
            }
            out.line(prefix + "if (tag == " + f.tag() + (cond.equals("true") ? "" : " && (" + cond + ")") + ") {");
            out.line("Readable tagged = in.slice(\"" + path(struct, f) + "\", tagSize);");
            readField(struct, f, "tagged", "true", f.nullableVersions().condition(scope));
            out.line("tagged.expectEnd(\"" + path(struct, f) + "\");");
            prefix = "} else ";
        }
        if (!prefix.isEmpty()) {
            out.line("} else {");
        }
        out.line("if (unknownTaggedFields.isEmpty()) {");
        out.line("unknownTaggedFields = new ArrayList<>();");
        out.line("}");
        out.line("unknownTaggedFields.add(new RawTaggedField(tag, in.readRawBytes(\"" + struct.name()
                + ".unknownTaggedField\", tagSize)));");
        if (!prefix.isEmpty()) {
            out.line("}");
        }
        out.line("}");
        out.line("}");
        out.line("}");
        out.blank();
    }

    private static String path(StructSpec struct, FieldSpec f) {
        return struct.name() + "." + f.name();
    }

    private void readField(StructSpec struct, FieldSpec f, String r, String c, String nullable) {
        FieldType type = f.type();
        String target = "this." + f.javaName();
        String p = path(struct, f);
        if (type.array()) {
            out.line("int length = " + r + ".readArrayLength(\"" + p + "\", " + c + ", " + nullable + ", "
                    + minElementSize(type, c) + ");");
            out.line("if (length < 0) {");
            out.line(target + " = null;");
            out.line("} else {");
            out.line("ArrayList<" + type.elementJavaType(true) + "> list = new ArrayList<>(length);");
            out.line("for (int i = 0; i < length; i++) {");
            out.line("list.add(" + readElement(type, r, c, p + "[]") + ");");
            out.line("}");
            out.line(target + " = list;");
            out.line("}");
        } else if (type.isStruct()) {
            if (nullable.equals("false")) {
                out.line(target + " = new " + type.name() + "(" + r + ", version);");
            } else {
                out.line("if ((" + nullable + ") && " + r + ".readInt8() < 0) {");
                out.line(target + " = null;");
                out.line("} else {");
                out.line(target + " = new " + type.name() + "(" + r + ", version);");
                out.line("}");
            }
        } else {
            out.line(target + " = " + readScalar(type, r, c, nullable, p) + ";");
        }
    }

    private static String minElementSize(FieldType type, String c) {
        if (type.fixedSize() > 0) {
            return Integer.toString(type.fixedSize());
        }
        if (type.name().equals("string")) {
            return "(" + c + " ? 1 : 2)";
        }
        return "1";
    }

    private static String readElement(FieldType type, String r, String c, String p) {
        if (type.isStruct()) {
            return "new " + type.name() + "(" + r + ", version)";
        }
        return readScalar(type, r, c, "false", p);
    }

    private static String readScalar(FieldType type, String r, String c, String nullable, String p) {
        return switch (type.name()) {
            case "string" -> r + ".readString(\"" + p + "\", " + c + ", " + nullable + ")";
            case "bytes" -> r + ".readBytes(\"" + p + "\", " + c + ", " + nullable + ")";
            case "records" -> r + ".readRecords(\"" + p + "\", " + c + ")";
            default -> r + ".read" + type.primitiveAccessor() + "()";
        };
    }

    // ---- write --------------------------------------------------------------------------------

    private void emitWrite(StructSpec struct, Versions scope, boolean top) {
        out.line("@Override");
        out.line("public void write(Writable out, short version) {");
        versionCheck(top);
        out.line("final boolean flexible = " + flexibleCondition(scope) + ";");
        for (FieldSpec f : struct.fields()) {
            String cond = (f.isTagged() ? f.taggedVersions() : f.versions()).condition(scope);
            if (!f.isTagged() && !cond.equals("false")) {
                open(cond);
                writeField(struct, f, compact(f), f.nullableVersions().condition(scope));
                if (!cond.equals("true")) {
                    out.line("} else {");
                    absentCheck(struct, f);
                }
                out.line("}");
            } else if (!cond.equals("true")) {
                out.line("if (!(" + cond + ")) {");
                absentCheck(struct, f);
                out.line("}");
            }
        }
        out.line("if (flexible) {");
        out.line("int numTaggedFields = unknownTaggedFields.size();");
        List<FieldSpec> tagged = tagged(struct);
        for (FieldSpec f : tagged) {
            String cond = f.taggedVersions().condition(scope);
            if (!cond.equals("false")) {
                out.line("if ((" + cond + ") && !(" + Literals.isDefault(f, "this." + f.javaName()) + ")) {");
                out.line("numTaggedFields++;");
                out.line("}");
            }
        }
        out.line("out.writeUnsignedVarint(numTaggedFields);");
        out.line("RawTaggedFieldWriter rawWriter = new RawTaggedFieldWriter(unknownTaggedFields);");
        for (FieldSpec f : tagged) {
            String cond = f.taggedVersions().condition(scope);
            if (cond.equals("false")) {
                continue;
            }
            out.line("rawWriter.writeRawTags(out, " + f.tag() + ");");
            out.line("if ((" + cond + ") && !(" + Literals.isDefault(f, "this." + f.javaName()) + ")) {");
            out.line("out.writeUnsignedVarint(" + f.tag() + ");");
            out.line("int tagSize = 0;");
            sizeField(f, "tagSize", "true", f.nullableVersions().condition(scope));
            out.line("out.writeUnsignedVarint(tagSize);");
            writeField(struct, f, "true", f.nullableVersions().condition(scope));
            out.line("}");
        }
        out.line("rawWriter.writeRawTags(out, Integer.MAX_VALUE);");
        out.line("} else if (!unknownTaggedFields.isEmpty()) {");
        out.line("throw new UnsupportedVersionException(\"struct=" + struct.name()
                + " version=\" + version + \" reason=taggedFieldsNeedAFlexibleVersion\");");
        out.line("}");
        out.line("}");
        out.blank();
    }

    private void absentCheck(StructSpec struct, FieldSpec f) {
        if (f.ignorable()) {
            out.line("// " + f.name() + " is ignorable: a non-default value is dropped in this version.");
            return;
        }
        out.line("if (!(" + Literals.isDefault(f, "this." + f.javaName()) + ")) {");
        out.line("throw new UnsupportedVersionException(\"field=" + path(struct, f)
                + " version=\" + version + \" reason=nonDefaultValueCannotBeWrittenInThisVersion\");");
        out.line("}");
    }

    private void writeField(StructSpec struct, FieldSpec f, String c, String nullable) {
        FieldType type = f.type();
        String ref = "this." + f.javaName();
        boolean nullCapable = type.array() || type.isStruct() || type.fixedSize() < 0;
        if (nullCapable && !nullable.equals("true")) {
            out.line("if (" + ref + " == null" + (nullable.equals("false") ? "" : " && !(" + nullable + ")") + ") {");
            out.line("throw new UnsupportedVersionException(\"field=" + path(struct, f)
                    + " version=\" + version + \" reason=nullNotAllowedInThisVersion\");");
            out.line("}");
        }
        if (type.array()) {
            out.line("if (" + ref + " == null) {");
            out.line("out.writeLength(-1, " + c + ");");
            out.line("} else {");
            out.line("out.writeLength(" + ref + ".size(), " + c + ");");
            out.line("for (" + type.elementJavaType(true) + " element : " + ref + ") {");
            if (type.isStruct()) {
                out.line("element.write(out, version);");
            } else if (type.name().equals("string")) {
                out.line("out.writeString(Objects.requireNonNull(element, \"" + path(struct, f)
                        + " element\"), " + c + ");");
            } else {
                out.line("out.write" + type.primitiveAccessor() + "(element);");
            }
            out.line("}");
            out.line("}");
        } else if (type.isStruct()) {
            if (nullable.equals("false")) {
                out.line(ref + ".write(out, version);");
            } else {
                out.line("if (" + nullable + ") {");
                out.line("if (" + ref + " == null) {");
                out.line("out.writeInt8((byte) -1);");
                out.line("} else {");
                out.line("out.writeInt8((byte) 1);");
                out.line(ref + ".write(out, version);");
                out.line("}");
                out.line("} else {");
                out.line(ref + ".write(out, version);");
                out.line("}");
            }
        } else {
            switch (type.name()) {
                case "string" -> out.line("out.writeString(" + ref + ", " + c + ");");
                case "bytes" -> out.line("out.writeBytes(" + ref + ", " + c + ");");
                case "records" -> out.line("out.writeRecords(" + ref + ", " + c + ");");
                default -> out.line("out.write" + type.primitiveAccessor() + "(" + ref + ");");
            }
        }
    }

    // ---- size ---------------------------------------------------------------------------------

    private void emitSize(StructSpec struct, Versions scope) {
        out.line("@Override");
        out.line("public int size(short version) {");
        out.line("final boolean flexible = " + flexibleCondition(scope) + ";");
        out.line("int size = 0;");
        for (FieldSpec f : struct.fields()) {
            if (f.isTagged()) {
                continue;
            }
            String cond = f.versions().condition(scope);
            if (cond.equals("false")) {
                continue;
            }
            open(cond);
            sizeField(f, "size", compact(f), f.nullableVersions().condition(scope));
            out.line("}");
        }
        out.line("if (flexible) {");
        out.line("int numTaggedFields = unknownTaggedFields.size();");
        out.line("size += Sizes.rawTaggedFields(unknownTaggedFields);");
        for (FieldSpec f : tagged(struct)) {
            String cond = f.taggedVersions().condition(scope);
            if (cond.equals("false")) {
                continue;
            }
            out.line("if ((" + cond + ") && !(" + Literals.isDefault(f, "this." + f.javaName()) + ")) {");
            out.line("numTaggedFields++;");
            out.line("int tagSize = 0;");
            sizeField(f, "tagSize", "true", f.nullableVersions().condition(scope));
            out.line("size += Sizes.unsignedVarint(" + f.tag() + ") + Sizes.unsignedVarint(tagSize) + tagSize;");
            out.line("}");
        }
        out.line("size += Sizes.unsignedVarint(numTaggedFields);");
        out.line("}");
        out.line("return size;");
        out.line("}");
        out.blank();
    }

    private void sizeField(FieldSpec f, String var, String c, String nullable) {
        FieldType type = f.type();
        String ref = "this." + f.javaName();
        if (type.array()) {
            out.line("if (" + ref + " == null) {");
            out.line(var + " += Sizes.length(-1, " + c + ");");
            out.line("} else {");
            out.line(var + " += Sizes.length(" + ref + ".size(), " + c + ");");
            if (type.fixedSize() > 0) {
                out.line(var + " += " + ref + ".size() * " + type.fixedSize() + ";");
            } else {
                out.line("for (" + type.elementJavaType(true) + " element : " + ref + ") {");
                if (type.isStruct()) {
                    out.line(var + " += element.size(version);");
                } else {
                    out.line(var + " += Sizes.string(element, " + c + ");");
                }
                out.line("}");
            }
            out.line("}");
        } else if (type.isStruct()) {
            if (!nullable.equals("false")) {
                out.line("if (" + nullable + ") {");
                out.line(var + " += 1;");
                out.line("}");
            }
            out.line("if (" + ref + " != null) {");
            out.line(var + " += " + ref + ".size(version);");
            out.line("}");
        } else if (type.fixedSize() > 0) {
            out.line(var + " += " + type.fixedSize() + ";");
        } else {
            String helper = switch (type.name()) {
                case "string" -> "string";
                case "bytes" -> "bytes";
                default -> "records";
            };
            out.line(var + " += Sizes." + helper + "(" + ref + ", " + c + ");");
        }
    }

    // ---- accessors, equality ------------------------------------------------------------------

    private void emitAccessors(StructSpec struct, boolean top) {
        if (top && message.apiKey() >= 0
                && (message.kind() == MessageSpec.Kind.REQUEST || message.kind() == MessageSpec.Kind.RESPONSE)) {
            out.line("@Override");
            out.line("public short apiKey() {");
            out.line("return API_KEY;");
            out.line("}");
            out.blank();
        }
        String owner = top ? "" : message.className() + ".";
        out.line("@Override");
        out.line("public short lowestSupportedVersion() {");
        out.line("return " + owner + "LOWEST_SUPPORTED_VERSION;");
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public short highestSupportedVersion() {");
        out.line("return " + owner + "HIGHEST_SUPPORTED_VERSION;");
        out.line("}");
        out.blank();
        for (FieldSpec f : struct.fields()) {
            String doc = f.doc().isEmpty() ? f.name() + "." : escapeDoc(f.doc());
            javadoc(doc, "Versions " + f.versions() + (f.nullableVersions().isEmpty() ? ""
                    : ", nullable " + f.nullableVersions()) + (f.isTagged() ? ", tag " + f.tag() : "") + ".");
            out.line("public " + f.type().javaType() + " " + f.javaName() + "() {");
            out.line("return this." + f.javaName() + ";");
            out.line("}");
            out.blank();
            javadoc("Sets " + f.name() + " and returns this struct.", null);
            out.line("public " + struct.name() + " " + f.setterName() + "(" + f.type().javaType() + " v) {");
            out.line("this." + f.javaName() + " = v;");
            out.line("return this;");
            out.line("}");
            out.blank();
        }
        out.line("@Override");
        out.line("public List<RawTaggedField> unknownTaggedFields() {");
        out.line("return unknownTaggedFields;");
        out.line("}");
        out.blank();
        javadoc("Replaces the unknown tagged fields (kept in ascending tag order when written).", null);
        out.line("public " + struct.name() + " setUnknownTaggedFields(List<RawTaggedField> fields) {");
        out.line("this.unknownTaggedFields = new ArrayList<>(fields);");
        out.line("this.unknownTaggedFields.sort((a, b) -> Integer.compare(a.tag(), b.tag()));");
        out.line("return this;");
        out.line("}");
        out.blank();
    }

    private void emitEquality(StructSpec struct) {
        String name = struct.name();
        out.line("@Override");
        out.line("public boolean equals(Object obj) {");
        out.line("if (!(obj instanceof " + name + ")) {");
        out.line("return false;");
        out.line("}");
        out.line(name + " other = (" + name + ") obj;");
        for (FieldSpec f : struct.fields()) {
            String a = "this." + f.javaName();
            String b = "other." + f.javaName();
            String differs = switch (kindOf(f)) {
                case "primitive" -> a + " != " + b;
                case "double" -> "Double.compare(" + a + ", " + b + ") != 0";
                case "bytes" -> "!Arrays.equals(" + a + ", " + b + ")";
                default -> "!Objects.equals(" + a + ", " + b + ")";
            };
            out.line("if (" + differs + ") {");
            out.line("return false;");
            out.line("}");
        }
        out.line("return Objects.equals(this.unknownTaggedFields, other.unknownTaggedFields);");
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public int hashCode() {");
        out.line("int hash = 0;");
        for (FieldSpec f : struct.fields()) {
            String a = "this." + f.javaName();
            String h = switch (f.type().array() ? "object" : f.type().name()) {
                case "bool" -> "Boolean.hashCode(" + a + ")";
                case "int8", "int16", "uint16", "int32" -> a;
                case "uint32", "int64" -> "Long.hashCode(" + a + ")";
                case "float64" -> "Double.hashCode(" + a + ")";
                case "bytes" -> "Arrays.hashCode(" + a + ")";
                default -> "Objects.hashCode(" + a + ")";
            };
            out.line("hash = 31 * hash + " + h + ";");
        }
        out.line("return hash;");
        out.line("}");
        out.blank();
        out.line("@Override");
        out.line("public String toString() {");
        out.line("StringBuilder text = new StringBuilder(\"" + name + "(\");");
        String sep = "";
        for (FieldSpec f : struct.fields()) {
            String a = "this." + f.javaName();
            String value = kindOf(f).equals("bytes") ? "Arrays.toString(" + a + ")" : a;
            out.line("text.append(\"" + sep + f.javaName() + "=\").append(" + value + ");");
            sep = ", ";
        }
        out.line("return text.append(')').toString();");
        out.line("}");
    }

    private static String kindOf(FieldSpec f) {
        FieldType type = f.type();
        if (type.array() || type.isStruct()) {
            return "object";
        }
        return switch (type.name()) {
            case "bool", "int8", "int16", "uint16", "int32", "uint32", "int64" -> "primitive";
            case "float64" -> "double";
            case "bytes" -> "bytes";
            default -> "object";
        };
    }

    private void open(String cond) {
        if (!cond.equals("true")) {
            out.line("if (" + cond + ") {");
        } else {
            out.line("{");
        }
    }
}
