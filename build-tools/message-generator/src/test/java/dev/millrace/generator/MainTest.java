package dev.millrace.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteDataClassesIntoTheNamedPackageWithoutApiMessageType() throws IOException {
        Path defs = Files.createDirectory(dir.resolve("defs"));
        Files.writeString(defs.resolve("Thing.def"), "data ThingRecord 0 flexible 0+\n  Name string\n");
        Path out = dir.resolve("out");
        Main.main(new String[] {defs.toString(), out.toString(), "dev.example.records"});
        Path pkg = out.resolve("dev/example/records");
        assertThat(pkg.resolve("ThingRecord.java")).exists();
        assertThat(Files.readString(pkg.resolve("ThingRecord.java"))).startsWith("package dev.example.records;");
        assertThat(pkg.resolve("ApiMessageType.java")).doesNotExist();
    }

    @Test
    void shouldKeepTheProtocolPackageByDefaultAndRefuseBadPackageNames() throws IOException {
        Path defs = Files.createDirectory(dir.resolve("defs"));
        Files.writeString(defs.resolve("Thing.def"), "data ThingRecord 0 flexible 0+\n  Name string\n");
        Main.main(new String[] {defs.toString(), dir.resolve("out").toString()});
        assertThat(dir.resolve("out/dev/millrace/protocol/message/ThingRecord.java")).exists();
        assertThatThrownBy(() -> Main.main(new String[] {defs.toString(), dir.toString(), "Bad.Package"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("package=Bad.Package");
    }
}
