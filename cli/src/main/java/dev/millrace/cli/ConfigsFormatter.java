package dev.millrace.cli;

import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigResource;
import java.util.StringJoiner;

/**
 * Formats {@code configs --describe} output as kafka-configs prints it: a header line naming the
 * entity, then one line per config, {@code   name=value sensitive=false synonyms={SOURCE:name=value, ...}}.
 * A null value prints as {@code null}. Stateless.
 */
final class ConfigsFormatter {
    private ConfigsFormatter() {
    }

    /** The header line for a resource ({@code all} when {@code --all} was given). */
    static String header(ConfigResource resource, boolean all) {
        String kind = all ? "All" : "Dynamic";
        if (resource.type() == ConfigResource.Type.BROKER && resource.name().isEmpty()) {
            return "Default configs for brokers in the cluster are:";
        }
        String entity = resource.type() == ConfigResource.Type.TOPIC ? "topic" : "broker";
        return kind + " configs for " + entity + " " + resource.name() + " are:";
    }

    /** One config line. */
    static String entryLine(ConfigEntry entry) {
        StringJoiner synonyms = new StringJoiner(", ");
        for (ConfigEntry.Synonym synonym : entry.synonyms()) {
            synonyms.add(synonym.source() + ":" + synonym.name() + "=" + synonym.value());
        }
        return "  " + entry.name() + "=" + entry.value() + " sensitive=" + entry.sensitive() + " synonyms={"
                + synonyms + "}";
    }

    /** The line printed after a successful alter. */
    static String completed(ConfigResource resource) {
        if (resource.type() == ConfigResource.Type.BROKER && resource.name().isEmpty()) {
            return "Completed updating default config for brokers in the cluster.";
        }
        String entity = resource.type() == ConfigResource.Type.TOPIC ? "topic" : "broker";
        return "Completed updating config for " + entity + " " + resource.name() + ".";
    }
}
