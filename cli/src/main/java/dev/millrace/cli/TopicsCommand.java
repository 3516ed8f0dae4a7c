package dev.millrace.cli;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigResource;
import dev.millrace.clients.cluster.NewTopic;
import dev.millrace.clients.cluster.TopicDescription;
import dev.millrace.common.errors.TopicExistsException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace topics}: creates, lists, describes, alters (partition count) and deletes topics,
 * with kafka-topics' flags and output. For every action but create, {@code --topic} is a regular
 * expression over topic names, as in kafka-topics. Failures print one line,
 * {@code Error while executing topic command : <message>}, and exit with 1; usage errors exit with 2.
 * Runs on the caller's thread.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create, delete, describe, or change a topic (flags as kafka-topics).")
public final class TopicsCommand implements Callable<Integer> {
    static final String ERROR_PREFIX = "Error while executing topic command : ";

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "The broker(s) to connect to, comma-separated.")
    String bootstrapServer;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--topic", description = "The topic (a regular expression except with --create).")
    String topic;

    @Option(names = "--partitions", description = "Partition count (create, or the new total with --alter).")
    Integer partitions;

    @Option(names = "--replication-factor", description = "Replication factor of a new topic.")
    Short replicationFactor;

    @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A topic config override for --create.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--if-not-exists", description = "With --create: do nothing if the topic exists.")
    boolean ifNotExists;

    @Option(names = "--if-exists", description = "With --alter, --describe, --delete: do nothing without matches.")
    boolean ifExists;

    @Option(names = "--exclude-internal", description = "Leave internal topics out of --list and --describe.")
    boolean excludeInternal;

    /** Exactly one action. */
    static final class Action {
        @Option(names = "--create", required = true, description = "Create a new topic.")
        boolean create;
        @Option(names = "--list", required = true, description = "List all topics.")
        boolean list;
        @Option(names = "--describe", required = true, description = "Describe topics.")
        boolean describe;
        @Option(names = "--alter", required = true, description = "Raise the partition count of a topic.")
        boolean alter;
        @Option(names = "--delete", required = true, description = "Delete topics.")
        boolean delete;
    }

    @Override
    public Integer call() {
        String problem = validate();
        if (problem != null) {
            return ToolSupport.usage(spec, problem);
        }
        try (ClusterClient client = ToolSupport.client(bootstrapServer)) {
            return run(client, spec.commandLine().getOut());
        } catch (RuntimeException e) {
            return ToolSupport.failed(spec, ERROR_PREFIX, e);
        }
    }

    /** Returns a usage problem, or null when the flags fit together. */
    String validate() {
        if ((action.create || action.alter || action.delete) && topic == null) {
            return "Missing required argument \"[topic]\"";
        }
        if (action.create && ifExists || !action.create && ifNotExists) {
            return ifExists ? "Option \"[if-exists]\" can't be used with option \"[create]\""
                    : "Option \"[if-not-exists]\" can only be used with option \"[create]\"";
        }
        if (!action.create && (replicationFactor != null || !configs.isEmpty())) {
            return "Options \"[replication-factor]\" and \"[config]\" can only be used with option \"[create]\"";
        }
        if (action.alter && partitions == null) {
            return "Missing required argument \"[partitions]\" for option \"[alter]\"";
        }
        if (!action.create && !action.alter && partitions != null) {
            return "Option \"[partitions]\" can only be used with \"[create]\" or \"[alter]\"";
        }
        if (partitions != null && partitions < 1) {
            return "The partitions must be greater than 0 (partitions=" + partitions + ")";
        }
        if (replicationFactor != null && replicationFactor < 1) {
            return "The replication factor must be greater than 0 (replication-factor=" + replicationFactor + ")";
        }
        try {
            ToolSupport.parsePairs(configs, "--config");
            if (topic != null && !action.create) {
                Pattern.compile(topic);
            }
        } catch (IllegalArgumentException e) {
            return ToolSupport.message(e);
        }
        return null;
    }

    private int run(ClusterClient client, PrintWriter out) {
        if (action.create) {
            return create(client, out);
        }
        List<String> matched = matchingTopics(client);
        if (matched.isEmpty() && topic != null && !ifExists && !action.list) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist as expected");
        }
        for (String name : matched) {
            if (action.list) {
                out.println(name);
            } else if (action.describe) {
                describe(client, name, out);
            } else if (action.alter) {
                client.createPartitions(name, partitions);
            } else {
                client.deleteTopic(name);
            }
        }
        out.flush();
        return ToolSupport.OK;
    }

    private int create(ClusterClient client, PrintWriter out) {
        Map<String, String> overrides = ToolSupport.parsePairs(configs, "--config");
        NewTopic newTopic = new NewTopic(topic, partitions == null ? -1 : partitions,
                replicationFactor == null ? (short) -1 : replicationFactor, overrides);
        try {
            client.createTopic(newTopic, false);
            out.println("Created topic " + topic + ".");
        } catch (TopicExistsException e) {
            if (!ifNotExists) {
                throw e;
            }
        }
        out.flush();
        return ToolSupport.OK;
    }

    private List<String> matchingTopics(ClusterClient client) {
        Pattern pattern = topic == null ? null : Pattern.compile(topic);
        List<String> matched = new ArrayList<>();
        for (String name : client.listTopics(!excludeInternal)) {
            if (pattern == null || pattern.matcher(name).matches()) {
                matched.add(name);
            }
        }
        return matched;
    }

    private void describe(ClusterClient client, String name, PrintWriter out) {
        TopicDescription description = client.describeTopic(name);
        List<ConfigEntry> topicConfigs = client.describeConfigs(
                new ConfigResource(ConfigResource.Type.TOPIC, name), false);
        out.println(TopicsFormatter.topicLine(description, topicConfigs));
        description.partitions().forEach(p -> out.println(TopicsFormatter.partitionLine(name, p)));
    }
}
