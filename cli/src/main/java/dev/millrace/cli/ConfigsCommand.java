package dev.millrace.cli;

import dev.millrace.clients.cluster.AlterConfigOp;
import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigResource;
import dev.millrace.clients.cluster.ConfigSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace configs}: describes and alters topic and broker configs with kafka-configs' flags
 * and output. {@code --describe} shows the dynamic configs (those set on the entity itself) or, with
 * {@code --all}, every config; {@code --alter} applies {@code --add-config} as SET and
 * {@code --delete-config} as DELETE operations of IncrementalAlterConfigs in one request. Failures
 * print one line ({@code Error while executing config command with args '...' : message}) and exit
 * with 1; usage errors exit with 2. Runs on the caller's thread.
 */
@Command(name = "configs", mixinStandardHelpOptions = true,
        description = "Describe or change topic and broker configs (flags as kafka-configs).")
public final class ConfigsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "The broker(s) to connect to, comma-separated.")
    String bootstrapServer;

    @Option(names = "--entity-type", required = true, description = "topics or brokers.")
    String entityType;

    @Option(names = "--entity-name", description = "Topic name or broker id.")
    String entityName;

    @Option(names = "--entity-default", description = "The cluster-wide broker default (brokers only).")
    boolean entityDefault;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--all", description = "With --describe: every config, not only dynamic ones.")
    boolean all;

    @Option(names = "--add-config", paramLabel = "K=V[,K=V]",
            description = "Configs to set; put values with commas in brackets: k=[a,b].")
    String addConfig;

    @Option(names = "--delete-config", paramLabel = "K[,K]", description = "Configs to remove.")
    String deleteConfig;

    /** Exactly one action. */
    static final class Action {
        @Option(names = "--describe", required = true, description = "Describe the configs of the entity.")
        boolean describe;
        @Option(names = "--alter", required = true, description = "Change the configs of the entity.")
        boolean alter;
    }

    @Override
    public Integer call() {
        String problem = validate();
        if (problem != null) {
            return ToolSupport.usage(spec, problem);
        }
        try (ClusterClient client = ToolSupport.client(bootstrapServer)) {
            PrintWriter out = spec.commandLine().getOut();
            int code = action.describe ? describe(client, out) : alter(client, out);
            out.flush();
            return code;
        } catch (RuntimeException e) {
            return ToolSupport.failed(spec, "Error while executing config command with args '"
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs()) + "' : ", e);
        }
    }

    /** Returns a usage problem, or null when the flags fit together. */
    String validate() {
        if (!"topics".equals(entityType) && !"brokers".equals(entityType)) {
            return "Invalid entity type " + entityType + ", the entity type must be one of topics, brokers";
        }
        if (entityDefault && ("topics".equals(entityType) || entityName != null)) {
            return "--entity-default is only valid with --entity-type brokers and without --entity-name";
        }
        if (action.alter && entityName == null && !entityDefault) {
            return "an entity name must be specified with --alter of " + entityType;
        }
        if (action.alter && addConfig == null && deleteConfig == null) {
            return "At least one of --add-config or --delete-config must be specified with --alter";
        }
        if (action.describe && (addConfig != null || deleteConfig != null)) {
            return "Options --add-config and --delete-config can only be used with --alter";
        }
        if (all && !action.describe) {
            return "Option --all can only be used with --describe";
        }
        if ("brokers".equals(entityType) && entityName != null && !entityName.matches("\\d+")) {
            return "The entity name for brokers must be a valid integer broker id, but it is: " + entityName;
        }
        try {
            if (addConfig != null) {
                ToolSupport.parseAddConfig(addConfig);
            }
        } catch (IllegalArgumentException e) {
            return ToolSupport.message(e);
        }
        return null;
    }

    private ConfigResource.Type type() {
        return "topics".equals(entityType) ? ConfigResource.Type.TOPIC : ConfigResource.Type.BROKER;
    }

    private int describe(ClusterClient client, PrintWriter out) {
        List<ConfigResource> resources = new ArrayList<>();
        if (entityDefault) {
            resources.add(new ConfigResource(ConfigResource.Type.BROKER, ""));
        } else if (entityName != null) {
            if (type() == ConfigResource.Type.TOPIC && !client.listTopics(true).contains(entityName)) {
                out.println("The topic '" + entityName + "' doesn't exist and doesn't have dynamic config.");
                return ToolSupport.OK;
            }
            resources.add(new ConfigResource(type(), entityName));
        } else if (type() == ConfigResource.Type.TOPIC) {
            client.listTopics(true).forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
        } else {
            client.metadata(List.of()).brokers().keySet().stream().sorted()
                    .forEach(id -> resources.add(new ConfigResource(ConfigResource.Type.BROKER, id.toString())));
            resources.add(new ConfigResource(ConfigResource.Type.BROKER, ""));
        }
        for (ConfigResource resource : resources) {
            out.println(ConfigsFormatter.header(resource, all));
            List<ConfigEntry> entries = new ArrayList<>(client.describeConfigs(resource, true));
            entries.sort(Comparator.comparing(ConfigEntry::name));
            for (ConfigEntry entry : entries) {
                if (all || entry.source() == dynamicSource(resource)) {
                    out.println(ConfigsFormatter.entryLine(entry));
                }
            }
        }
        return ToolSupport.OK;
    }

    static ConfigSource dynamicSource(ConfigResource resource) {
        if (resource.type() == ConfigResource.Type.TOPIC) {
            return ConfigSource.DYNAMIC_TOPIC_CONFIG;
        }
        return resource.name().isEmpty() ? ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG
                : ConfigSource.DYNAMIC_BROKER_CONFIG;
    }

    private int alter(ClusterClient client, PrintWriter out) {
        ConfigResource resource = new ConfigResource(type(), entityDefault ? "" : entityName);
        List<AlterConfigOp> ops = new ArrayList<>();
        Map<String, String> toAdd = addConfig == null ? Map.of() : ToolSupport.parseAddConfig(addConfig);
        toAdd.forEach((key, value) -> ops.add(new AlterConfigOp(key, value, AlterConfigOp.OpType.SET)));
        Set<String> toDelete = new LinkedHashSet<>();
        if (deleteConfig != null) {
            for (String key : deleteConfig.split(",")) {
                if (!key.isBlank()) {
                    toDelete.add(key.trim());
                }
            }
        }
        if (!toDelete.isEmpty() && resource.type() == ConfigResource.Type.TOPIC) {
            Set<String> present = new LinkedHashSet<>();
            for (ConfigEntry entry : client.describeConfigs(resource, false)) {
                if (entry.source() == ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    present.add(entry.name());
                }
            }
            Set<String> invalid = new LinkedHashSet<>(toDelete);
            invalid.removeAll(present);
            if (!invalid.isEmpty()) {
                throw new IllegalArgumentException("Invalid config(s): " + String.join(",", invalid));
            }
        }
        toDelete.forEach(key -> ops.add(new AlterConfigOp(key, null, AlterConfigOp.OpType.DELETE)));
        client.incrementalAlterConfigs(resource, ops);
        out.println(ConfigsFormatter.completed(resource));
        return ToolSupport.OK;
    }
}
