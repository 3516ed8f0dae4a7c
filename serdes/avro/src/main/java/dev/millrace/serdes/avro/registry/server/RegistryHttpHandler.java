package dev.millrace.serdes.avro.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.millrace.serdes.avro.registry.SchemaRegistryException;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP plumbing of the registry service: decodes the request (path segments, query, JSON body), hands
 * it to {@link RegistryRoutes}, and writes the JSON answer with the media type
 * {@value #MEDIA_TYPE}. Errors are written as Confluent does, {@code {"error_code":N,"message":"..."}}
 * with the HTTP status of the {@link SchemaRegistryException}; a body that is not JSON gives 400, a
 * body over {@value #MAX_BODY_BYTES} bytes 413, an unknown path 404 and a wrong method 405 (each with
 * the status as error code), anything unexpected 500 / 50001.
 *
 * <p>Path segments are percent-decoded one by one, so a subject may contain '/' when the client
 * encodes it as {@code %2F}; '+' stays a plus sign. Stateless apart from the registry; thread-safe.
 */
final class RegistryHttpHandler implements HttpHandler {
    /** The media type of every response. */
    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The largest request body accepted. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One decoded request. */
    record Request(String method, List<String> segments, Map<String, String> query, byte[] body) {
        boolean flag(String name) {
            return Boolean.parseBoolean(query.getOrDefault(name, "false"));
        }

        JsonNode json() {
            try {
                JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new SchemaRegistryException(400, 400, "reason=bodyNotAJsonObject");
                }
                return node;
            } catch (IOException e) {
                throw new SchemaRegistryException(400, 400, "reason=malformedJsonBody detail=" + e.getMessage(), e);
            }
        }
    }

    private final RegistryRoutes routes;

    RegistryHttpHandler(SchemaRegistry registry) {
        this.routes = new RegistryRoutes(registry);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            JsonNode answer;
            try {
                answer = routes.route(decode(exchange));
            } catch (SchemaRegistryException e) {
                status = e.httpStatus();
                answer = error(e.errorCode(), e.detail());
            } catch (RuntimeException e) {
                status = 500;
                answer = error(SchemaRegistryException.STORE_ERROR, "reason=internalError detail=" + e);
            }
            byte[] bytes = MAPPER.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ObjectNode error(int code, String message) {
        return MAPPER.createObjectNode().put("error_code", code).put("message", message);
    }

    private static Request decode(HttpExchange exchange) throws IOException {
        try {
            return decodeUnchecked(exchange);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(400, 400, "reason=malformedUrlEncoding uri="
                    + exchange.getRequestURI(), e);
        }
    }

    private static Request decodeUnchecked(HttpExchange exchange) throws IOException {
        List<String> segments = new ArrayList<>();
        for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new SchemaRegistryException(413, 413, "reason=bodyTooLarge maxBytes=" + MAX_BODY_BYTES);
        }
        return new Request(exchange.getRequestMethod(), List.copyOf(segments), Map.copyOf(query), body);
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
