package dev.millrace.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges every definition file against Apache Kafka's own message schemas, which kafka-clients
 * (test scope) ships as resources: for each version we define, the fields that exist must have the
 * same names, types, nullability, tags, defaults, ignorability and encoding overrides, in the same
 * order, recursively through structs; our version range must lie within Kafka's and the flexible
 * versions must agree.
 */
class KafkaSchemaConformanceTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    static List<MessageSpec> ours() throws IOException {
        return Main.parseDirectory(Path.of(System.getProperty("millrace.messages.dir",
                "../../clients/protocol/src/main/messages")));
    }

    @TestFactory
    Stream<DynamicTest> everyDefinitionMatchesKafkasSchema() throws IOException {
        return ours().stream().map(m -> DynamicTest.dynamicTest(m.className(), () -> check(m)));
    }

    private static void check(MessageSpec ours) throws IOException {
        String kafkaName = ours.className().endsWith("Data")
                ? ours.className().substring(0, ours.className().length() - 4) : ours.className();
        MessageSpec kafka = kafkaSpec(kafkaName);
        assertThat(ours.apiKey()).as("apiKey of " + kafkaName).isEqualTo(kafka.apiKey());
        assertThat(kafka.validVersions().contains(ours.validVersions()))
                .as(kafkaName + " versions " + ours.validVersions() + " within Kafka's " + kafka.validVersions())
                .isTrue();
        for (short v = ours.validVersions().lowest(); v <= ours.validVersions().highest(); v++) {
            assertThat(ours.flexibleVersions().contains(v)).as(kafkaName + " v" + v + " flexible")
                    .isEqualTo(kafka.flexibleVersions().contains(v));
            List<String> expected = describe(kafka, kafka.fields(), v, "");
            List<String> actual = describe(ours, ours.fields(), v, "");
            assertThat(actual).as(kafkaName + " v" + v + " (file " + ours.sourceFile() + ")")
                    .containsExactlyElementsOf(expected);
        }
    }

    /** One line per field present at {@code version}, depth-first, with every encoding-relevant fact. */
    private static List<String> describe(MessageSpec message, List<FieldSpec> fields, short version, String path) {
        List<String> lines = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (!f.versions().contains(version)) {
                continue;
            }
            boolean tagged = f.isTagged() && f.taggedVersions().contains(version);
            String p = path + f.name();
            lines.add(p + " : " + f.type()
                    + (f.nullableVersions().contains(version) ? " nullable" : "")
                    + (tagged ? " tag=" + f.tag() : "")
                    + (f.ignorable() ? " ignorable" : "")
                    + (f.neverCompact() ? " compact=never" : "")
                    + " default=" + normalizedDefault(f));
            if (f.type().isStruct()) {
                StructSpec struct = StructCollector.resolve(message, f);
                lines.addAll(describe(message, struct.fields(), version, p + "."));
            }
        }
        return lines;
    }

    private static String normalizedDefault(FieldSpec f) {
        String d = f.defaultValue();
        if (d == null || d.isEmpty()) {
            return "natural";
        }
        if (d.equals("null")) {
            return "null";
        }
        return switch (f.type().array() ? "array" : f.type().name()) {
            case "int8", "int16", "uint16", "int32", "uint32", "int64" -> {
                long value = Long.decode(d);
                yield value == 0 ? "natural" : Long.toString(value);
            }
            case "bool" -> d.equals("false") ? "natural" : d;
            case "float64" -> Double.parseDouble(d) == 0.0 ? "natural" : Double.toString(Double.parseDouble(d));
            case "string" -> d;
            default -> d;
        };
    }

    /** Reads Kafka's schema {@code common/message/<name>.json} into our model. */
    static MessageSpec kafkaSpec(String name) throws IOException {
        String resource = "common/message/" + name + ".json";
        JsonNode root;
        try (InputStream in = KafkaSchemaConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("Kafka schema " + resource).isNotNull();
            root = JSON.readTree(in);
        }
        Versions valid = Versions.parse(root.path("validVersions").asText());
        Map<String, StructSpec> common = new LinkedHashMap<>();
        for (JsonNode s : root.path("commonStructs")) {
            common.put(s.get("name").asText(), new StructSpec(s.get("name").asText(), fields(s.path("fields")), ""));
        }
        String type = root.path("type").asText();
        MessageSpec.Kind kind = switch (type) {
            case "request" -> MessageSpec.Kind.REQUEST;
            case "response" -> MessageSpec.Kind.RESPONSE;
            case "header" -> MessageSpec.Kind.HEADER;
            default -> MessageSpec.Kind.DATA;
        };
        String flexible = root.path("flexibleVersions").asText("none");
        return new MessageSpec(kind, root.has("apiKey") ? root.get("apiKey").asInt() : -1, name, name, valid,
                Versions.parse(flexible), new StructSpec(name, fields(root.path("fields")), ""), common, resource);
    }

    private static List<FieldSpec> fields(JsonNode array) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : array) {
            Versions versions = Versions.parse(f.path("versions").asText());
            Versions nullable = f.has("nullableVersions") ? Versions.parse(f.get("nullableVersions").asText())
                    : Versions.NONE;
            int tag = f.has("tag") ? f.get("tag").asInt() : -1;
            Versions tagged = f.has("taggedVersions") ? Versions.parse(f.get("taggedVersions").asText())
                    : (tag >= 0 ? versions : Versions.NONE);
            String def = f.has("default") ? f.get("default").asText() : null;
            boolean neverCompact = f.has("flexibleVersions") && f.get("flexibleVersions").asText().equals("none");
            fields.add(new FieldSpec(f.get("name").asText(), FieldType.parse(f.get("type").asText()), versions,
                    nullable, tagged, tag, def, f.path("ignorable").asBoolean(false), neverCompact, "",
                    fields(f.path("fields")), 0));
        }
        return fields;
    }
}
