package dev.millrace.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecParserTest {
    private static List<MessageSpec> parse(String... lines) {
        return SpecParser.parse("Test.def", List.of(lines));
    }

    private static String emit(String... lines) {
        return MessageEmitter.emit(parse(lines).get(0));
    }

    @Test
    void shouldParseNestedStructsVersionsAndAttributes() {
        List<MessageSpec> messages = parse(
                "api 99 Thing",
                "request 0-3 flexible 2+",
                "  Name string v1+ nullable=2+ default=null -- the name",
                "  Items []Item",
                "    Id int32",
                "  Extra int64 v2+ tag=0 default=-1 ignorable",
                "response 0-3 flexible 2+",
                "  ErrorCode int16");
        MessageSpec request = messages.get(0);
        assertThat(request.className()).isEqualTo("ThingRequestData");
        FieldSpec name = request.fields().get(0);
        assertThat(name.versions()).isEqualTo(Versions.parse("1+"));
        assertThat(name.nullableVersions()).isEqualTo(Versions.parse("2+"));
        assertThat(name.doc()).isEqualTo("the name");
        assertThat(request.fields().get(1).fields()).extracting(FieldSpec::name).containsExactly("Id");
        FieldSpec extra = request.fields().get(2);
        assertThat(extra.tag()).isZero();
        assertThat(extra.taggedVersions()).isEqualTo(Versions.parse("2+"));
        assertThat(extra.ignorable()).isTrue();
        assertThat(messages.get(1).kind()).isEqualTo(MessageSpec.Kind.RESPONSE);
    }

    @Test
    void shouldNameFileAndLineOfBadIndentation() {
        assertThatThrownBy(() -> parse("api 1 X", "request 0 flexible none", "   Bad int32"))
                .hasMessageContaining("file=Test.def").hasMessageContaining("line=3").hasMessageContaining("badIndent");
    }

    @Test
    void shouldRejectUnknownAttributesAndTypes() {
        assertThatThrownBy(() -> parse("api 1 X", "request 0 flexible none", "  A int32 sometimes"))
                .hasMessageContaining("unknownAttribute attribute=sometimes");
        assertThatThrownBy(() -> parse("api 1 X", "request 0 flexible none", "  A int33"))
                .hasMessageContaining("unknownType");
    }

    @Test
    void shouldRejectTaggedFieldOutsideFlexibleVersions() {
        assertThatThrownBy(() -> emit("api 1 X", "request 0-3 flexible 2+", "  A int32 tag=0"))
                .hasMessageContaining("taggedFieldOutsideFlexibleVersions field=A");
    }

    @Test
    void shouldRejectDuplicateTagsAndBadDefaults() {
        assertThatThrownBy(() -> emit("api 1 X", "request 0 flexible 0+", "  A int32 tag=0", "  B int32 tag=0"))
                .hasMessageContaining("duplicateTag tag=0");
        assertThatThrownBy(() -> emit("api 1 X", "request 0 flexible none", "  A int8 default=300"))
                .hasMessageContaining("defaultOutOfRange");
        assertThatThrownBy(() -> emit("api 1 X", "request 0 flexible none", "  A string default=null"))
                .hasMessageContaining("nullDefaultOnNonNullableField");
    }

    @Test
    void shouldRejectUnknownStructReference() {
        assertThatThrownBy(() -> emit("api 1 X", "request 0 flexible none", "  A []Missing"))
                .hasMessageContaining("unknownStruct type=Missing");
    }

    @Test
    void shouldGenerateVersionGuardsOnlyWhereNeeded() {
        String java = emit("api 1 X", "request 0-3 flexible 2+", "  A int32", "  B int32 v1+");
        assertThat(java).contains("public final class XRequestData implements ApiMessage")
                .contains("if (version >= 1) {")
                .doesNotContain("if (version >= 0)");
    }
}
