package dev.millrace.server.handler;

import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.server.TopicConfigResolver;
import dev.millrace.server.cluster.ControllerGateway;
import dev.millrace.server.config.DescribedConfig;
import dev.millrace.server.network.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateTopics (API 19): the controller validates and commits; for versions 5+ each successful
 * topic's result then lists the configs the topic got (what {@code kafka-topics --create} and
 * Kafka Streams read back), computed from the requested overrides and the broker defaults.
 */
public final class CreateTopicsHandler {
    private final ControllerGateway controller;
    private final TopicConfigResolver configs;

    public CreateTopicsHandler(ControllerGateway controller, TopicConfigResolver configs) {
        this.controller = controller;
        this.configs = configs;
    }

    public void handle(Request request) {
        CreateTopicsRequestData data = request.body(CreateTopicsRequestData.class);
        short version = request.version();
        controller.createTopics(data, version).whenComplete((response, failure) -> {
            if (failure != null) {
                request.closeConnection("controller failed: " + failure);
                return;
            }
            if (version >= 5) {
                describeConfigs(data, response);
            }
            request.respond(response);
        });
    }

    private void describeConfigs(CreateTopicsRequestData data, CreateTopicsResponseData response) {
        Map<String, Map<String, String>> requested = new HashMap<>();
        for (CreateTopicsRequestData.CreatableTopic topic : data.topics()) {
            Map<String, String> overrides = new HashMap<>();
            for (CreateTopicsRequestData.CreatableTopicConfig c : topic.configs()) {
                overrides.put(c.name(), c.value());
            }
            requested.put(topic.name(), overrides);
        }
        for (CreateTopicsResponseData.CreatableTopicResult result : response.topics()) {
            if (result.errorCode() != 0) {
                result.setConfigs(null);
                continue;
            }
            List<DescribedConfig> described = configs.describeNewTopic(
                    requested.getOrDefault(result.name(), Map.of()));
            for (DescribedConfig d : described) {
                result.configs().add(new CreateTopicsResponseData.CreatableTopicConfigs().setName(d.name())
                        .setValue(d.value()).setReadOnly(d.readOnly()).setConfigSource((byte) d.source())
                        .setIsSensitive(d.sensitive()));
            }
        }
    }
}
