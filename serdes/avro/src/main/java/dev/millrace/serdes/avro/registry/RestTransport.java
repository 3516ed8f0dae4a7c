package dev.millrace.serdes.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP to one or more registry base URLs, with the registry's media type on both sides. A
 * request goes to the URL that last answered; on an I/O failure it tries the next one, and only when
 * every URL failed does the caller get {@link SchemaRegistryException#NO_RESPONSE}. HTTP error statuses
 * are not retried: they become a {@link SchemaRegistryException} carrying the status and the response's
 * {@code error_code} and {@code message}.
 *
 * <p>Thread-safe ({@link HttpClient} is, and the preferred URL index is atomic).
 */
final class RestTransport {
    /** The registry's versioned media type, sent as Accept and Content-Type. */
    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> baseUrls;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final AtomicInteger preferred = new AtomicInteger();

    RestTransport(List<String> baseUrls, Duration connectTimeout, Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("reason=noRegistryUrls");
        }
        List<String> trimmed = new ArrayList<>();
        for (String url : baseUrls) {
            trimmed.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        this.baseUrls = List.copyOf(trimmed);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    /** Encodes one path segment (a subject may hold any character, including '/'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends one request.
     *
     * @param method GET, POST, PUT or DELETE
     * @param path the path and query, already encoded, starting with '/'
     * @param body the JSON body, or null for none
     * @return the parsed response body ({@link NullNode} for an empty body)
     */
    JsonNode send(String method, String path, JsonNode body) {
        byte[] payload = body == null ? null : writeBytes(body);
        IOException last = null;
        int start = preferred.get();
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (start + attempt) % baseUrls.size();
            String url = baseUrls.get(index) + path;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(method, url, payload), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                last = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw noResponse("reason=interrupted method=" + method + " url=" + url, e);
            }
            preferred.set(index);
            return handle(method, url, response);
        }
        throw noResponse("reason=registryUnreachable method=" + method + " path=" + path + " urls=" + baseUrls, last);
    }

    private static SchemaRegistryException noResponse(String detail, Throwable cause) {
        return new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_RESPONSE,
                detail, cause);
    }

    private HttpRequest request(String method, String url, byte[] payload) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw noResponse("reason=invalidRegistryUrl url=" + url, e);
        }
        builder.timeout(requestTimeout).header("Accept", MEDIA_TYPE);
        if (payload == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", MEDIA_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        }
        return builder.build();
    }

    private static JsonNode handle(String method, String url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode json = null;
        IOException parseError = null;
        try {
            json = response.body().length == 0 ? NullNode.getInstance() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            parseError = e;
        }
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new SchemaRegistryException(status, SchemaRegistryException.NO_RESPONSE,
                        "reason=malformedResponseJson method=" + method + " url=" + url, parseError);
            }
            return json;
        }
        int errorCode = json != null && json.path("error_code").canConvertToInt() ? json.path("error_code").asInt()
                : status;
        String message = json != null && json.path("message").isTextual() ? json.path("message").asText()
                : "reason=httpError";
        throw new SchemaRegistryException(status, errorCode, message + " method=" + method + " url=" + url);
    }

    private static byte[] writeBytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("reason=cannotEncodeRequest", e);
        }
    }
}
