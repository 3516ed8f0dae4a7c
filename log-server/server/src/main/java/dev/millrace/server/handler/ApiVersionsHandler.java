package dev.millrace.server.handler;

import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.server.network.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ApiVersions (API 18): the advertised API ranges of {@link SupportedApis}. No finalized features
 * are announced, so clients stay on the classic flows (no transactions v2, no KIP-848 groups).
 * Versions we do not know are answered by the network layer (KIP-511). Stateless; runs on the event
 * loop (it reads nothing mutable).
 */
public final class ApiVersionsHandler {
    private final ApiVersionsResponseData template;

    public ApiVersionsHandler() {
        List<ApiVersionsResponseData.ApiVersion> keys = new ArrayList<>();
        for (Map.Entry<ApiMessageType, short[]> e : SupportedApis.advertised().entrySet()) {
            keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey(e.getKey().apiKey())
                    .setMinVersion(e.getValue()[0]).setMaxVersion(e.getValue()[1]));
        }
        template = new ApiVersionsResponseData().setApiKeys(List.copyOf(keys));
    }

    public void handle(Request request) {
        request.respond(new ApiVersionsResponseData().setApiKeys(template.apiKeys()));
    }
}
