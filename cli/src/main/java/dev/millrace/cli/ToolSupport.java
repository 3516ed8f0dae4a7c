package dev.millrace.cli;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.ClusterClientConfig;
import dev.millrace.common.time.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the tool commands share: one-line error reporting with picocli's exit codes (2 for a usage
 * error, 1 for a failure at run time), {@code key=value} argument parsing with Kafka's bracket
 * syntax for values that contain commas, and client creation. Stateless.
 */
final class ToolSupport {
    /** Exit code of a successful run. */
    static final int OK = 0;
    /** Exit code of a failure while running (picocli's convention for exceptions). */
    static final int FAILED = 1;
    /** Exit code of a usage error (picocli's convention for bad parameters). */
    static final int USAGE = 2;
    static final String CLIENT_ID = "millrace-cli";

    private ToolSupport() {
    }

    /** Prints {@code message} as one line on the error stream and returns {@link #USAGE}. */
    static int usage(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return USAGE;
    }

    /** Prints {@code prefix} and the failure's message as one line and returns {@link #FAILED}. */
    static int failed(CommandSpec spec, String prefix, Throwable failure) {
        spec.commandLine().getErr().println(prefix + message(failure));
        spec.commandLine().getErr().flush();
        return FAILED;
    }

    /** The message of a failure on one line, or its class name when it has none. */
    static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    /** A client for {@code --bootstrap-server}. */
    static ClusterClient client(String bootstrapServer) {
        return new ClusterClient(ClusterClientConfig.forBootstrap(bootstrapServer, CLIENT_ID), Time.SYSTEM);
    }

    /**
     * Parses repeated {@code key=value} arguments (split at the first '='), keeping their order.
     *
     * @throws IllegalArgumentException naming the bad argument
     */
    static Map<String, String> parsePairs(List<String> pairs, String option) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (pairs == null) {
            return parsed;
        }
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Invalid " + option + " '" + pair
                        + "': expected key=value (option=" + option + ")");
            }
            parsed.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return parsed;
    }

    /**
     * Splits a comma-separated list at the commas outside square brackets, Kafka's syntax for values
     * that hold commas: {@code a=1,b=[x,y]} gives {@code a=1} and {@code b=[x,y]}.
     *
     * @throws IllegalArgumentException if the brackets are unbalanced
     */
    static List<String> splitOutsideBrackets(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("Unbalanced ']' at index " + i + " in '" + list + "'");
                }
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("Unbalanced '[' in '" + list + "'");
        }
        parts.add(current.toString());
        parts.removeIf(String::isBlank);
        return parts;
    }

    /**
     * Parses an {@code --add-config} value: {@code k=v[,k=v]} with bracketed values
     * ({@code cleanup.policy=[compact,delete]} sets {@code compact,delete}).
     *
     * @throws IllegalArgumentException with Kafka's message when a part is not {@code key=value}
     */
    static Map<String, String> parseAddConfig(String list) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String part : splitOutsideBrackets(list)) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Invalid entity config: all configs to be added must be in the"
                        + " format \"key=val\". (config=" + part.trim() + ")");
            }
            String value = part.substring(equals + 1).trim();
            if (value.startsWith("[") && value.endsWith("]")) {
                value = value.substring(1, value.length() - 1);
            }
            configs.put(part.substring(0, equals).trim(), value);
        }
        return configs;
    }
}
