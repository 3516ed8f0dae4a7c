package dev.millrace.server.handler;

import dev.millrace.common.errors.ApiException;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.DescribeConfigsRequestData;
import dev.millrace.protocol.message.DescribeConfigsResponseData;
import dev.millrace.server.TopicConfigResolver;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.config.DescribedConfig;
import dev.millrace.server.network.Request;
import java.util.List;
import java.util.function.Supplier;

/**
 * DescribeConfigs (API 32) for topics (resource type 2) and brokers (4: this node's id, or the empty
 * name for the cluster-wide dynamic default), with Kafka's names, values, sources, synonyms and
 * documentation. Other resource types (broker loggers, client metrics, groups) get
 * INVALID_REQUEST. Pure reads of the published metadata; runs on the event loop.
 */
public final class ConfigsHandler {
    static final byte TOPIC = 2;
    static final byte BROKER = 4;

    private final Supplier<ClusterView> cluster;
    private final TopicConfigResolver configs;

    public ConfigsHandler(Supplier<ClusterView> cluster, TopicConfigResolver configs) {
        this.cluster = cluster;
        this.configs = configs;
    }

    public void describeConfigs(Request request) {
        DescribeConfigsRequestData data = request.body(DescribeConfigsRequestData.class);
        boolean docs = request.version() >= 3 && data.includeDocumentation();
        DescribeConfigsResponseData response = new DescribeConfigsResponseData();
        ClusterView view = cluster.get();
        for (DescribeConfigsRequestData.DescribeConfigsResource resource : data.resources()) {
            DescribeConfigsResponseData.DescribeConfigsResult result = new DescribeConfigsResponseData
                    .DescribeConfigsResult().setResourceType(resource.resourceType())
                    .setResourceName(resource.resourceName());
            response.results().add(result);
            try {
                List<DescribedConfig> described = describe(view, resource, data.includeSynonyms());
                if (described == null) {
                    continue;
                }
                for (DescribedConfig d : described) {
                    result.configs().add(toWire(d, docs));
                }
            } catch (ApiException e) {
                result.setErrorCode(ErrorCode.forException(e).code()).setErrorMessage(e.getMessage());
            } catch (RuntimeException e) {
                result.setErrorCode(ErrorCode.INVALID_REQUEST.code()).setErrorMessage(e.getMessage());
            }
        }
        request.respond(response);
    }

    private List<DescribedConfig> describe(ClusterView view, DescribeConfigsRequestData.DescribeConfigsResource
            resource, boolean synonyms) {
        String name = resource.resourceName();
        if (resource.resourceType() == TOPIC) {
            if (view.topic(name) == null) {
                throw ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.exception("Topic " + name + " does not exist.");
            }
            return configs.describeTopic(name, resource.configurationKeys(), synonyms);
        }
        if (resource.resourceType() == BROKER) {
            if (name.isEmpty()) {
                return configs.describeBrokerDefault(resource.configurationKeys(), synonyms);
            }
            int nodeId;
            try {
                nodeId = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw ErrorCode.INVALID_REQUEST.exception("Broker id must be an integer, but it is: " + name);
            }
            return configs.describeBroker(nodeId, resource.configurationKeys(), synonyms);
        }
        throw ErrorCode.INVALID_REQUEST.exception("resourceType=" + resource.resourceType()
                + " reason=unsupportedResourceType");
    }

    private static DescribeConfigsResponseData.DescribeConfigsResourceResult toWire(DescribedConfig d, boolean docs) {
        DescribeConfigsResponseData.DescribeConfigsResourceResult out = new DescribeConfigsResponseData
                .DescribeConfigsResourceResult().setName(d.name()).setValue(d.value()).setReadOnly(d.readOnly())
                .setConfigSource((byte) d.source()).setIsSensitive(d.sensitive()).setConfigType((byte) d.type())
                .setDocumentation(docs ? d.documentation() : null);
        for (DescribedConfig.Synonym s : d.synonyms()) {
            out.synonyms().add(new DescribeConfigsResponseData.DescribeConfigsSynonym().setName(s.name())
                    .setValue(s.value()).setSource((byte) s.source()));
        }
        return out;
    }
}
