package dev.millrace.generator;

/** Accumulates Java source, indenting four spaces per open brace. */
final class CodeWriter {
    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** Writes one line; a line ending in '{' opens a level, a line starting with '}' closes one first. */
    CodeWriter line(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("}")) {
            depth--;
        }
        if (!trimmed.isEmpty()) {
            // Javadoc continuation lines keep the space that aligns their '*' under "/**".
            String aligned = trimmed.startsWith("*") ? " " + trimmed : trimmed;
            text.append("    ".repeat(Math.max(0, depth))).append(aligned);
        }
        text.append('\n');
        if (trimmed.endsWith("{")) {
            depth++;
        }
        return this;
    }

    CodeWriter blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
