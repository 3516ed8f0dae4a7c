package dev.millrace.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointFileTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5EED_C4EC_0001L);

    @TempDir
    Path dir;

    /** A two-field test entry: a name and a number. */
    record Named(String name, long value) {
    }

    static final CheckpointFile.EntryFormat<Named> NAMED = new CheckpointFile.EntryFormat<>() {
        @Override
        public int fieldCount() {
            return 2;
        }

        @Override
        public List<String> toFields(Named entry) {
            return List.of(entry.name(), Long.toString(entry.value()));
        }

        @Override
        public Named fromFields(List<String> fields) {
            return new Named(fields.get(0), CheckpointFile.parseLong(fields.get(1), "value"));
        }
    };

    private CheckpointFile<Named> checkpoint() {
        return new CheckpointFile<>(dir.resolve("test-checkpoint"), 0, NAMED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadMissingFileAsEmpty() {
        assertThat(checkpoint().read()).isEmpty();
        assertThat(Files.exists(dir.resolve("test-checkpoint"))).isFalse();
    }

    @Test
    void shouldReadZeroLengthFileAsEmptyLikeKafkaCreatesThem() throws IOException {
        Files.write(dir.resolve("test-checkpoint"), new byte[0]);
        assertThat(checkpoint().read()).isEmpty();
    }

    @Test
    void shouldWriteVersionCountAndOneSpaceSeparatedEntryPerLine() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        file.write(List.of(new Named("a", 1), new Named("b", -2)));
        assertThat(Files.readString(file.file())).isEqualTo("0\n2\na 1\nb -2\n");
        file.write(List.of());
        assertThat(Files.readString(file.file())).isEqualTo("0\n0\n");
    }

    @Test
    void shouldRoundTripRandomEntries() {
        CheckpointFile<Named> file = checkpoint();
        for (int round = 0; round < 60; round++) {
            long seed = SEED + round;
            Random random = new Random(seed);
            List<Named> entries = new ArrayList<>();
            int count = random.nextInt(20);
            for (int i = 0; i < count; i++) {
                entries.add(new Named(randomName(random), random.nextLong()));
            }
            file.write(entries);
            assertThat(file.read()).as("seed=%d", seed).isEqualTo(entries);
            assertThat(Files.exists(file.tempFile())).as("seed=%d", seed).isFalse();
        }
    }

    private static String randomName(Random random) {
        String alphabet = "abcXYZ019._-\u00e9\u4e2d";
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    @Test
    void shouldIgnoreLeftoverTempFileWhenReading() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        Files.write(file.tempFile(), bytes("0\n1\nnever-renamed 1\n"));
        assertThat(file.read()).as("crash before the first rename").isEmpty();
        file.write(List.of(new Named("kept", 7)));
        Files.write(file.tempFile(), bytes("0\n1\ntorn"));
        assertThat(file.read()).containsExactly(new Named("kept", 7));
    }

    @Test
    void shouldOverwriteLeftoverTempFileWhenWriting() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        file.write(List.of(new Named("old", 1)));
        Files.write(file.tempFile(), bytes("garbage that is longer than the new content ".repeat(10)));
        file.write(List.of(new Named("new", 2)));
        assertThat(Files.readString(file.file())).isEqualTo("0\n1\nnew 2\n");
        assertThat(Files.exists(file.tempFile())).isFalse();
    }

    @Test
    void shouldKeepOldFileIntactWhenTempFileCannotBeWritten() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        file.write(List.of(new Named("old", 1)));
        byte[] before = Files.readAllBytes(file.file());
        Files.createDirectory(file.tempFile());
        Files.write(file.tempFile().resolve("blocker"), bytes("x"));

        assertThatThrownBy(() -> file.write(List.of(new Named("new", 2))))
                .isInstanceOf(LogStorageException.class)
                .hasMessageContaining("file=" + file.tempFile())
                .hasMessageContaining("operation=writeCheckpointTemp")
                .hasCauseInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(file.file())).isEqualTo(before);
        assertThat(file.read()).containsExactly(new Named("old", 1));
    }

    @Test
    void shouldNotTouchDiskWhenAnEntryCannotBeRendered() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        file.write(List.of(new Named("old", 1)));
        byte[] before = Files.readAllBytes(file.file());

        assertThatThrownBy(() -> file.write(List.of(new Named("ok", 1), new Named("has space", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entryIndex=1 fieldIndex=0")
                .hasMessageContaining("reason=fieldEmptyOrHasWhitespace");
        assertThatThrownBy(() -> file.write(List.of(new Named("", 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> file.write(List.of(new Named("new\nline", 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(file.file())).isEqualTo(before);
        assertThat(Files.exists(file.tempFile())).isFalse();
    }

    @Test
    void shouldReportReadFailureAsLogStorageExceptionNamingFile() throws IOException {
        Files.createDirectory(dir.resolve("test-checkpoint"));
        CheckpointFile<Named> file = checkpoint();
        assertThatThrownBy(file::read)
                .isInstanceOf(LogStorageException.class)
                .hasMessageContaining("file=" + file.file())
                .hasMessageContaining("operation=readCheckpoint")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void shouldReportRenameFailureAndLeaveNoTempFile() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        Files.createDirectory(file.file());
        Files.write(file.file().resolve("occupant"), bytes("x"));
        assertThatThrownBy(() -> file.write(List.of(new Named("a", 1))))
                .isInstanceOf(LogStorageException.class)
                .hasMessageContaining("operation=atomicRenameCheckpoint");
        assertThat(Files.exists(file.tempFile())).isFalse();
    }

    static Stream<Arguments> corruptFiles() {
        return Stream.of(
                Arguments.of("1\n0\n", 1, "expectedVersion=0 actualVersion=1"),
                Arguments.of("v0\n0\n", 1, "field=version value='v0' reason=notANumber"),
                Arguments.of("+0\n0\n", 1, "reason=notANumber"),
                Arguments.of("\n", 1, "reason=notANumber"),
                Arguments.of("0\r\n0\r\n", 1, "value='0\\u000d'"),
                Arguments.of("0\n", 2, "reason=missingEntryCount"),
                Arguments.of("0\nmany\n", 2, "field=entryCount"),
                Arguments.of("0\n-1\n", 2, "entryCount=-1 reason=negativeEntryCount"),
                Arguments.of("0\n99999999999\n", 2, "reason=intOverflow"),
                Arguments.of("0\n2\na 1\n", 4, "expectedEntries=2 actualEntries=1 reason=missingEntries"),
                Arguments.of("0\n3\n", 3, "expectedEntries=3 actualEntries=0 reason=missingEntries"),
                Arguments.of("0\n1\na 1\nb 2\n", 4, "expectedEntries=1 actualEntries=2 reason=unexpectedExtraLine"),
                Arguments.of("0\n1\na 1\n\n", 4, "reason=unexpectedExtraLine"),
                Arguments.of("0\n1\na\n", 3, "expectedFields=2 actualFields=1 text='a'"),
                Arguments.of("0\n1\na 1 2\n", 3, "expectedFields=2 actualFields=3"),
                Arguments.of("0\n1\n\n", 3, "expectedFields=2 actualFields=1"),
                Arguments.of("0\n2\na 1\n 1\n", 4, "fieldIndex=0 reason=emptyField"),
                Arguments.of("0\n1\na\t1\n", 3, "text='a\\u00091'"),
                Arguments.of("0\n1\na x\n", 3, "field=value value='x' reason=notANumber text='a x'"),
                Arguments.of("0\n1\na 99999999999999999999\n", 3, "reason=longOverflow"),
                Arguments.of("0\n1\na 1", 3, "reason=missingFinalNewline text='a 1'"),
                Arguments.of("0", 1, "reason=missingFinalNewline"));
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @MethodSource("corruptFiles")
    void shouldRejectCorruptFileNamingFileAndLine(String content, int line, String facts) throws IOException {
        CheckpointFile<Named> file = checkpoint();
        Files.write(file.file(), bytes(content));
        assertThatThrownBy(file::read)
                .isInstanceOf(CorruptIndexException.class)
                .hasMessageStartingWith("file=" + file.file() + " line=" + line + " ")
                .hasMessageContaining(facts);
    }

    @Test
    void shouldRejectInvalidUtf8NamingItsLine() throws IOException {
        CheckpointFile<Named> file = checkpoint();
        byte[] content = {'0', '\n', '1', '\n', 'a', (byte) 0xC3, (byte) 0x28, ' ', '1', '\n'};
        Files.write(file.file(), content);
        assertThatThrownBy(file::read)
                .isInstanceOf(CorruptIndexException.class)
                .hasMessageContaining("line=3 bytePosition=5 reason=invalidUtf8");
    }

    @Test
    void shouldRejectUnusableConstructorArguments() {
        assertThatThrownBy(() -> new CheckpointFile<>(dir.resolve("x"), -1, NAMED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version=-1");
        CheckpointFile.EntryFormat<Named> noFields = new CheckpointFile.EntryFormat<>() {
            @Override
            public int fieldCount() {
                return 0;
            }

            @Override
            public List<String> toFields(Named entry) {
                return List.of();
            }

            @Override
            public Named fromFields(List<String> fields) {
                return null;
            }
        };
        assertThatThrownBy(() -> new CheckpointFile<>(dir.resolve("x"), 0, noFields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fieldCount=0");
    }

    @Test
    void shouldParseNumbersStrictly() {
        assertThat(CheckpointFile.parseLong("-42", "f")).isEqualTo(-42L);
        assertThat(CheckpointFile.parseInt("2147483647", "f")).isEqualTo(Integer.MAX_VALUE);
        for (String bad : List.of("", "-", "1.0", " 1", "0x1", "\u0661", "1_000")) {
            assertThatThrownBy(() -> CheckpointFile.parseLong(bad, "f"))
                    .as("text=%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("field=f");
        }
        assertThatThrownBy(() -> CheckpointFile.parseInt("2147483648", "f"))
                .hasMessageContaining("reason=intOverflow");
    }

    @Test
    void shouldQuoteLongAndControlTextReadably() {
        assertThat(CheckpointFile.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(CheckpointFile.quote("x".repeat(100))).endsWith("...(100 chars)'");
    }
}
