package dev.millrace.serdes.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain java.net.http client for the registry's REST API in tests: raw status, headers and JSON. */
public final class RegistryHttp {
    /** The registry media type. */
    public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** One response. */
    public record Response(int status, String contentType, JsonNode json) {
        /** The error code of an error body, or -1. */
        public int errorCode() {
            return json.path("error_code").asInt(-1);
        }

        /** The message of an error body, or empty. */
        public String message() {
            return json.path("message").asText("");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /**
     * Creates a client for one server.
     *
     * @param base the base URL
     */
    public RegistryHttp(URI base) {
        this.base = base;
    }

    /** Encodes a path segment. */
    public static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A {"schema": text} body. */
    public static String schemaBody(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).toString();
    }

    /** GET. */
    public Response get(String path) {
        return send("GET", path, null);
    }

    /** POST a raw body. */
    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    /** PUT a raw body. */
    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    /** DELETE. */
    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** POST a schema to /subjects/{s}/versions and return the response. */
    public Response register(String subject, String schema) {
        return post("/subjects/" + seg(subject) + "/versions", schemaBody(schema));
    }

    /** Sends one request. */
    public Response send(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", MEDIA_TYPE);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", MEDIA_TYPE).method(method,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? NullNode.getInstance() : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
