package dev.millrace.metadata;

import java.util.Optional;

/**
 * Kafka's rules for topic names: 1 to 249 characters out of {@code [a-zA-Z0-9._-]}, neither
 * {@code "."} nor {@code ".."}; and two names that differ only by {@code '.'} versus {@code '_'}
 * collide (their metric names would be equal). Stateless.
 */
public final class TopicNames {
    /** Longest legal topic name. */
    public static final int MAX_LENGTH = 249;

    private TopicNames() {
    }

    /**
     * Why {@code name} is not a legal topic name (Kafka's message), or empty when it is.
     */
    public static Optional<String> invalidReason(String name) {
        String reason;
        if (name == null) {
            reason = "null is not allowed";
        } else if (name.isEmpty()) {
            reason = "the empty string is not allowed";
        } else if (name.equals(".")) {
            reason = "'.' is not allowed";
        } else if (name.equals("..")) {
            reason = "'..' is not allowed";
        } else if (name.length() > MAX_LENGTH) {
            reason = "the length of '" + name + "' is longer than the max allowed length " + MAX_LENGTH;
        } else if (!legalCharacters(name)) {
            reason = "'" + name + "' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'";
        } else {
            return Optional.empty();
        }
        return Optional.of("Topic name is invalid: " + reason);
    }

    private static boolean legalCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} holds a character ('.' or '_') that can make it collide with another. */
    public static boolean hasCollisionChars(String name) {
        return name.indexOf('.') >= 0 || name.indexOf('_') >= 0;
    }

    /** {@code name} with every '.' replaced by '_': names with equal results collide. */
    public static String unifyCollisionChars(String name) {
        return name.replace('.', '_');
    }
}
