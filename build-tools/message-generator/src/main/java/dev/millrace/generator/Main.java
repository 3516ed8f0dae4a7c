package dev.millrace.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Entry point of the build step: {@code Main <definitions dir> <output source dir> [java package]}.
 * Reads every {@code *.def} file, validates it, and writes one Java file per message plus
 * {@code ApiMessageType} when the directory defines any request or response. The package defaults
 * to {@code dev.millrace.protocol.message}; other modules (the metadata records) name their own.
 * A definition error stops the build with the file, line and reason.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: Main <definitions dir> <output source dir> [java package]");
        }
        String packageName = args.length == 3 ? args[2] : MessageEmitter.PACKAGE;
        if (!packageName.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("package=" + packageName + " reason=notAJavaPackageName");
        }
        List<MessageSpec> messages = parseDirectory(Path.of(args[0]));
        Path packageDir = Path.of(args[1]).resolve(packageName.replace('.', '/'));
        Files.createDirectories(packageDir);
        Set<String> classes = new HashSet<>();
        for (MessageSpec message : messages) {
            if (!classes.add(message.className())) {
                throw new IllegalArgumentException("class=" + message.className() + " reason=definedTwice file="
                        + message.sourceFile());
            }
            write(packageDir.resolve(message.className() + ".java"), MessageEmitter.emit(message, packageName));
        }
        if (ApiTypeEmitter.hasApis(messages)) {
            write(packageDir.resolve("ApiMessageType.java"), ApiTypeEmitter.emit(messages, packageName));
        }
    }

    /** Parses every definition file of {@code dir}, in file-name order. */
    public static List<MessageSpec> parseDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".def")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("dir=" + dir + " reason=noDefinitionFiles");
        }
        List<MessageSpec> messages = new ArrayList<>();
        for (Path file : files) {
            messages.addAll(SpecParser.parse(file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return messages;
    }

    /** Writes only when the content changed, so that incremental compilation stays incremental. */
    private static void write(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
