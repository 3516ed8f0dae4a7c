package dev.millrace.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a message definition file ({@code *.def}). The format is described in
 * {@code clients/protocol/src/main/messages/README.md}; in short:
 *
 * <pre>
 * # comment
 * api 0 Produce
 * struct SharedThing                    -- optional common struct, fields indented below
 * request 3-13 flexible 9+
 *   TransactionalId string v3+ nullable default=null -- doc
 *   TopicData []TopicProduceData                     -- an inline struct: its fields follow, indented
 *     Name string v0-12
 * response 3-13 flexible 9+
 *   ...
 * header RequestHeaderData 1-2 flexible 2+
 * data ConsumerProtocolSubscription 0-3 flexible none
 * </pre>
 *
 * Field attributes: {@code vN+}/{@code vA-B}/{@code vN} (versions, default all), {@code nullable} or
 * {@code nullable=RANGE}, {@code tag=N} with optional {@code tagged=RANGE} (default: the field's
 * versions), {@code default=LITERAL}, {@code ignorable}, {@code compact=never}. Nesting is by
 * indentation of two spaces. Errors name the file and line.
 */
final class SpecParser {
    private final String file;
    private final List<String> lines;
    private int index;

    private SpecParser(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    static List<MessageSpec> parse(String file, List<String> lines) {
        return new SpecParser(file, lines).parseFile();
    }

    private IllegalArgumentException error(int line, String reason) {
        return new IllegalArgumentException("file=" + file + " line=" + line + " reason=" + reason);
    }

    private List<MessageSpec> parseFile() {
        int apiKey = -1;
        String apiName = null;
        Map<String, StructSpec> common = new LinkedHashMap<>();
        List<Object[]> pending = new ArrayList<>();
        while (skipBlank()) {
            String raw = lines.get(index);
            int lineNo = index + 1;
            if (indentOf(raw) != 0) {
                throw error(lineNo, "unexpectedIndentedLine");
            }
            String[] words = stripDoc(raw).trim().split("\\s+");
            String doc = docOf(raw);
            index++;
            switch (words[0]) {
                case "api" -> {
                    expectWords(words, 3, lineNo, "api KEY Name");
                    apiKey = parseInt(words[1], lineNo);
                    apiName = words[2];
                }
                case "struct" -> {
                    expectWords(words, 2, lineNo, "struct Name");
                    if (common.containsKey(words[1])) {
                        throw error(lineNo, "duplicateStruct name=" + words[1]);
                    }
                    common.put(words[1], new StructSpec(words[1], parseFields(2), doc));
                }
                case "request", "response" -> {
                    expectWords(words, 4, lineNo, words[0] + " VERSIONS flexible VERSIONS");
                    if (apiName == null) {
                        throw error(lineNo, "requestOrResponseBeforeApiLine");
                    }
                    MessageSpec.Kind kind = words[0].equals("request") ? MessageSpec.Kind.REQUEST
                            : MessageSpec.Kind.RESPONSE;
                    String className = apiName + (kind == MessageSpec.Kind.REQUEST ? "RequestData" : "ResponseData");
                    pending.add(new Object[] {kind, className, words, doc, parseFields(2), lineNo});
                }
                case "header", "data" -> {
                    expectWords(words, 5, lineNo, words[0] + " ClassName VERSIONS flexible VERSIONS");
                    MessageSpec.Kind kind = words[0].equals("header") ? MessageSpec.Kind.HEADER : MessageSpec.Kind.DATA;
                    String[] shifted = {words[0], words[2], words[3], words[4]};
                    pending.add(new Object[] {kind, words[1], shifted, doc, parseFields(2), lineNo});
                }
                default -> throw error(lineNo, "unknownKeyword keyword=" + words[0]);
            }
        }
        List<MessageSpec> messages = new ArrayList<>();
        for (Object[] p : pending) {
            String[] words = (String[]) p[2];
            int lineNo = (Integer) p[5];
            if (!words[2].equals("flexible")) {
                throw error(lineNo, "expectedFlexibleKeyword found=" + words[2]);
            }
            @SuppressWarnings("unchecked")
            List<FieldSpec> fields = (List<FieldSpec>) p[4];
            MessageSpec.Kind kind = (MessageSpec.Kind) p[0];
            String className = (String) p[1];
            messages.add(new MessageSpec(kind, apiKey, apiName == null ? className : apiName, className,
                    versions(words[1], lineNo), versions(words[3], lineNo),
                    new StructSpec(className, fields, (String) p[3]), common, file));
        }
        return messages;
    }

    /** Parses consecutive field lines at exactly {@code indent} spaces (and their nested lines). */
    private List<FieldSpec> parseFields(int indent) {
        List<FieldSpec> fields = new ArrayList<>();
        while (skipBlank()) {
            String raw = lines.get(index);
            int actual = indentOf(raw);
            if (actual < indent) {
                break;
            }
            int lineNo = index + 1;
            if (actual != indent) {
                throw error(lineNo, "badIndent expected=" + indent + " actual=" + actual);
            }
            index++;
            fields.add(parseField(raw, lineNo, indent));
        }
        return fields;
    }

    private FieldSpec parseField(String raw, int lineNo, int indent) {
        String doc = docOf(raw);
        String[] words = stripDoc(raw).trim().split("\\s+");
        if (words.length < 2) {
            throw error(lineNo, "fieldNeedsNameAndType");
        }
        String name = words[0];
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw error(lineNo, "badFieldName name=" + name);
        }
        FieldType type;
        try {
            type = FieldType.parse(words[1]);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, e.getMessage());
        }
        Versions versions = Versions.ALL;
        Versions nullable = Versions.NONE;
        Versions tagged = null;
        int tag = -1;
        String defaultValue = null;
        boolean ignorable = false;
        boolean neverCompact = false;
        for (int i = 2; i < words.length; i++) {
            String w = words[i];
            if (w.matches("v\\d+(\\+|-\\d+)?")) {
                versions = versions(w.substring(1), lineNo);
            } else if (w.equals("nullable")) {
                nullable = Versions.ALL;
            } else if (w.startsWith("nullable=")) {
                nullable = versions(w.substring("nullable=".length()), lineNo);
            } else if (w.startsWith("tag=")) {
                tag = parseInt(w.substring(4), lineNo);
            } else if (w.startsWith("tagged=")) {
                tagged = versions(w.substring("tagged=".length()), lineNo);
            } else if (w.startsWith("default=")) {
                defaultValue = w.substring("default=".length());
            } else if (w.equals("ignorable")) {
                ignorable = true;
            } else if (w.equals("compact=never")) {
                neverCompact = true;
            } else {
                throw error(lineNo, "unknownAttribute attribute=" + w);
            }
        }
        if (tag >= 0 && tagged == null) {
            tagged = versions;
        }
        if (tagged != null && tag < 0) {
            throw error(lineNo, "taggedWithoutTag field=" + name);
        }
        List<FieldSpec> children = parseFields(indent + 2);
        if (!children.isEmpty() && !type.isStruct()) {
            throw error(lineNo, "nestedFieldsUnderNonStructType field=" + name);
        }
        return new FieldSpec(name, type, versions, nullable, tagged == null ? Versions.NONE : tagged, tag,
                defaultValue, ignorable, neverCompact, doc, children, lineNo);
    }

    private boolean skipBlank() {
        while (index < lines.size()) {
            String t = lines.get(index).trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return true;
            }
            index++;
        }
        return false;
    }

    private Versions versions(String text, int lineNo) {
        try {
            return Versions.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, e.getMessage());
        }
    }

    private int parseInt(String text, int lineNo) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(lineNo, "notAnInteger value=" + text);
        }
    }

    private void expectWords(String[] words, int count, int lineNo, String shape) {
        if (words.length != count) {
            throw error(lineNo, "expectedShape shape='" + shape + "'");
        }
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '\t') {
            throw new IllegalArgumentException("reason=tabIndentation line=" + line);
        }
        return i;
    }

    private static String stripDoc(String line) {
        int at = line.indexOf("--");
        return at < 0 ? line : line.substring(0, at);
    }

    private static String docOf(String line) {
        int at = line.indexOf("--");
        return at < 0 ? "" : line.substring(at + 2).trim();
    }
}
