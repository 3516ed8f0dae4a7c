package dev.millrace.generator;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes {@code ApiMessageType}: one enum constant per API with its key, name, version range and
 * flexible versions, factories for its request and response bodies, and the header versions to
 * use (ApiVersions responses always use response header v0, KIP-511).
 */
final class ApiTypeEmitter {
    private ApiTypeEmitter() {
    }

    /** One API: its request and response definitions. */
    record Api(MessageSpec request, MessageSpec response) {
    }

    /** Whether {@code messages} hold any request or response, i.e. whether an enum is worth writing. */
    static boolean hasApis(List<MessageSpec> messages) {
        return messages.stream().anyMatch(m -> m.kind() == MessageSpec.Kind.REQUEST
                || m.kind() == MessageSpec.Kind.RESPONSE);
    }

    static String emit(List<MessageSpec> messages) {
        return emit(messages, MessageEmitter.PACKAGE);
    }

    static String emit(List<MessageSpec> messages, String packageName) {
        TreeMap<Integer, MessageSpec[]> byKey = new TreeMap<>();
        for (MessageSpec m : messages) {
            if (m.kind() != MessageSpec.Kind.REQUEST && m.kind() != MessageSpec.Kind.RESPONSE) {
                continue;
            }
            MessageSpec[] pair = byKey.computeIfAbsent(m.apiKey(), k -> new MessageSpec[2]);
            int slot = m.kind() == MessageSpec.Kind.REQUEST ? 0 : 1;
            if (pair[slot] != null) {
                throw new IllegalArgumentException("apiKey=" + m.apiKey() + " reason=definedTwice files="
                        + pair[slot].sourceFile() + "," + m.sourceFile());
            }
            pair[slot] = m;
        }
        CodeWriter out = new CodeWriter();
        out.line("package " + packageName + ";");
        out.blank();
        out.line("import dev.millrace.common.errors.UnsupportedVersionException;");
        out.line("import dev.millrace.protocol.types.ApiMessage;");
        out.line("import dev.millrace.protocol.types.Readable;");
        out.blank();
        out.line("/**");
        out.line(" * Every API this protocol module can encode: key, name, versions and flexible versions.");
        out.line(" * <p>Generated from the message definitions; do not edit.");
        out.line(" */");
        out.line("public enum ApiMessageType {");
        int i = 0;
        for (var entry : byKey.entrySet()) {
            MessageSpec req = entry.getValue()[0];
            MessageSpec resp = entry.getValue()[1];
            if (req == null || resp == null) {
                throw new IllegalArgumentException("apiKey=" + entry.getKey() + " reason=needsBothRequestAndResponse");
            }
            if (!req.validVersions().equals(resp.validVersions())) {
                throw new IllegalArgumentException("api=" + req.apiName() + " reason=requestAndResponseVersionsDiffer"
                        + " request=" + req.validVersions() + " response=" + resp.validVersions());
            }
            String end = ++i == byKey.size() ? ";" : ",";
            out.line(constant(req.apiName()) + "((short) " + req.apiKey() + ", \"" + req.apiName() + "\", (short) "
                    + req.validVersions().lowest() + ", (short) " + req.validVersions().highest() + ", (short) "
                    + firstFlexible(req) + ", (short) " + firstFlexible(resp) + ")" + end);
        }
        out.blank();
        out.line("private final short apiKey;");
        out.line("private final String apiName;");
        out.line("private final short lowestSupportedVersion;");
        out.line("private final short highestSupportedVersion;");
        out.line("private final short firstFlexibleRequestVersion;");
        out.line("private final short firstFlexibleResponseVersion;");
        out.blank();
        out.line("ApiMessageType(short apiKey, String apiName, short lowest, short highest, short flexibleRequest,");
        out.line("        short flexibleResponse) {");
        out.line("this.apiKey = apiKey;");
        out.line("this.apiName = apiName;");
        out.line("this.lowestSupportedVersion = lowest;");
        out.line("this.highestSupportedVersion = highest;");
        out.line("this.firstFlexibleRequestVersion = flexibleRequest;");
        out.line("this.firstFlexibleResponseVersion = flexibleResponse;");
        out.line("}");
        out.blank();
        getter(out, "The API key.", "short", "apiKey");
        getter(out, "The API name as the protocol documentation spells it.", "String", "apiName");
        getter(out, "Lowest version the codecs support.", "short", "lowestSupportedVersion");
        getter(out, "Highest version the codecs support.", "short", "highestSupportedVersion");
        out.line("/** Whether the codecs support {@code version}. */");
        out.line("public boolean isVersionSupported(short version) {");
        out.line("return version >= lowestSupportedVersion && version <= highestSupportedVersion;");
        out.line("}");
        out.blank();
        out.line("/** Whether requests of {@code version} use compact encodings and tagged fields. */");
        out.line("public boolean isFlexibleRequest(short version) {");
        out.line("return version >= firstFlexibleRequestVersion;");
        out.line("}");
        out.blank();
        out.line("/** Whether responses of {@code version} use compact encodings and tagged fields. */");
        out.line("public boolean isFlexibleResponse(short version) {");
        out.line("return version >= firstFlexibleResponseVersion;");
        out.line("}");
        out.blank();
        out.line("/** Request header version for a request of {@code version}: 2 when flexible, else 1. */");
        out.line("public short requestHeaderVersion(short version) {");
        out.line("return isFlexibleRequest(version) ? (short) 2 : (short) 1;");
        out.line("}");
        out.blank();
        out.line("/**");
        out.line(" * Response header version for a response of {@code version}: 1 when flexible, else 0;");
        out.line(" * ApiVersions responses always use 0 so that any client can read them (KIP-511).");
        out.line(" */");
        out.line("public short responseHeaderVersion(short version) {");
        out.line("if (this == API_VERSIONS) {");
        out.line("return 0;");
        out.line("}");
        out.line("return isFlexibleResponse(version) ? (short) 1 : (short) 0;");
        out.line("}");
        out.blank();
        factory(out, byKey, "newRequest", 0, false);
        factory(out, byKey, "newResponse", 1, false);
        factory(out, byKey, "readRequest", 0, true);
        factory(out, byKey, "readResponse", 1, true);
        out.line("/**");
        out.line(" * The API with key {@code apiKey}.");
        out.line(" * @throws UnsupportedVersionException if no API has that key");
        out.line(" */");
        out.line("public static ApiMessageType fromApiKey(short apiKey) {");
        out.line("return switch (apiKey) {");
        for (var entry : byKey.entrySet()) {
            out.line("case " + entry.getKey() + " -> " + constant(entry.getValue()[0].apiName()) + ";");
        }
        out.line("default -> throw new UnsupportedVersionException(\"apiKey=\" + apiKey + \" reason=unknownApiKey\");");
        out.line("};");
        out.line("}");
        out.line("}");
        return out.toString();
    }

    private static void getter(CodeWriter out, String doc, String type, String name) {
        out.line("/** " + doc + " */");
        out.line("public " + type + " " + name + "() {");
        out.line("return " + name + ";");
        out.line("}");
        out.blank();
    }

    private static void factory(CodeWriter out, TreeMap<Integer, MessageSpec[]> byKey, String method, int slot,
                                boolean reading) {
        String what = slot == 0 ? "request" : "response";
        out.line(reading ? "/** Reads a " + what + " body of {@code version} from {@code in}. */"
                : "/** A new " + what + " body with every field at its default. */");
        out.line("public ApiMessage " + method + (reading ? "(Readable in, short version) {" : "() {"));
        out.line("return switch (this) {");
        for (MessageSpec[] pair : byKey.values()) {
            MessageSpec m = pair[slot];
            out.line("case " + constant(m.apiName()) + " -> new " + m.className()
                    + (reading ? "(in, version);" : "();"));
        }
        out.line("};");
        out.line("}");
        out.blank();
    }

    private static short firstFlexible(MessageSpec m) {
        Versions flexible = m.flexibleVersions();
        if (flexible.isEmpty()) {
            return Short.MAX_VALUE;
        }
        if (flexible.highest() != Short.MAX_VALUE) {
            throw new IllegalArgumentException("message=" + m.className() + " reason=flexibleVersionsMustBeOpenEnded");
        }
        return flexible.lowest();
    }

    static String constant(String apiName) {
        return apiName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
