package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.millrace.cli.EmbeddedRegistry;
import dev.millrace.serdes.avro.AvroDeserializer;
import dev.millrace.serdes.avro.AvroSerdeConfig;
import dev.millrace.serdes.avro.AvroSerializer;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServer;
import dev.millrace.serdes.avro.registry.server.SchemaRegistryServerConfig;
import dev.millrace.serdes.avro.registry.store.SchemaStoreException;
import dev.millrace.serdes.avro.registry.store.TopicSchemaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry with its schemas in the log server's {@code _schemas} topic, driven over REST
 * with a plain {@link HttpClient}: subjects, versions, ids, configs and deletes survive a restart of the
 * log server (and of the registry), ids are never reused, the Avro serdes round-trip records produced
 * and consumed with unchanged kafka-clients, and {@code schema.registry.listeners} starts the embedded
 * registry; an existing {@code _schemas} topic that is not compacted is refused.
 */
@Tag("integration")
class SchemaRegistryIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"it.millrace\","
            + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
    private static final String USER_V2 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"it.millrace\","
            + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"none\"}]}";
    private static final String USER_INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"it.millrace\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"age\",\"type\":\"string\"}]}";
    private static final String PAYMENT = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"it.millrace\","
            + "\"fields\":[{\"name\":\"amount\",\"type\":\"long\"}]}";
    private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"it.millrace\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"}]}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<AutoCloseable> running = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopRegistries() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void shouldKeepEverySubjectVersionIdAndConfigAcrossLogServerRestart() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir)) {
            URI registry = startRegistry(fixture.bootstrap());
            int userV1 = register(registry, "users-value", USER_V1);
            int payment = register(registry, "payments-value", PAYMENT);
            int userV2 = register(registry, "users-value", USER_V2);
            assertThat(List.of(userV1, payment, userV2)).doesNotHaveDuplicates();
            assertThat(register(registry, "users-value", USER_V1)).as("re-registering is idempotent").isEqualTo(userV1);
            assertThat(send(registry, "POST", "/subjects/users-value/versions", schemaBody(USER_INCOMPATIBLE))
                    .path("error_code").asInt()).isEqualTo(409);
            send(registry, "PUT", "/config/payments-value", "{\"compatibility\":\"FULL\"}");
            Map<String, Object> before = snapshot(registry);
            assertThat(before).containsKeys("users-value/1", "users-value/2", "payments-value/1");
            assertThat(before.get("users-value/2").toString()).contains("\"version\":2", "\"id\":" + userV2);
            assertThat(before.get("payments-value/config").toString()).contains("FULL");
            assertSchemasTopicIsCompactedWithOnePartition(fixture.bootstrap());

            URI restarted = restart(fixture);

            assertThat(snapshot(restarted)).isEqualTo(before);
            assertThat(send(restarted, "GET", "/schemas/ids/" + userV2, null).path("schema").asText())
                    .isEqualTo(new Schema.Parser().parse(USER_V2).toString());
            int fresh = register(restarted, "orders-value", ORDER);
            assertThat(fresh).isGreaterThan(Math.max(userV1, Math.max(payment, userV2)));
        }
    }

    @Test
    void shouldKeepSoftAndHardDeletesAcrossRestartsWithoutReusingIds() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir)) {
            URI registry = startRegistry(fixture.bootstrap());
            register(registry, "users-value", USER_V1);
            int userV2 = register(registry, "users-value", USER_V2);
            int payment = register(registry, "payments-value", PAYMENT);
            send(registry, "DELETE", "/subjects/users-value/versions/1", null);
            send(registry, "DELETE", "/subjects/users-value/versions/1?permanent=true", null);
            assertThat(send(registry, "DELETE", "/subjects/payments-value", null).toString()).isEqualTo("[1]");

            URI afterSoft = restart(fixture);
            assertThat(send(afterSoft, "GET", "/subjects", null).toString()).isEqualTo("[\"users-value\"]");
            assertThat(send(afterSoft, "GET", "/subjects?deleted=true", null).toString())
                    .isEqualTo("[\"payments-value\",\"users-value\"]");
            assertThat(send(afterSoft, "GET", "/subjects/users-value/versions?deleted=true", null).toString())
                    .isEqualTo("[2]");
            assertThat(send(afterSoft, "GET", "/subjects/users-value/versions/1", null).path("error_code").asInt())
                    .isEqualTo(40402);
            assertThat(send(afterSoft, "GET", "/subjects/users-value/versions/2", null).path("id").asInt())
                    .isEqualTo(userV2);
            assertThat(send(afterSoft, "GET", "/schemas/ids/" + payment, null).has("schema"))
                    .as("a soft-deleted version's id still resolves").isTrue();
            assertThat(send(afterSoft, "DELETE", "/subjects/payments-value?permanent=true", null).toString())
                    .isEqualTo("[1]");

            URI afterHard = restart(fixture);
            assertThat(send(afterHard, "GET", "/subjects?deleted=true", null).toString())
                    .isEqualTo("[\"users-value\"]");
            assertThat(send(afterHard, "GET", "/schemas/ids/" + payment, null).path("error_code").asInt())
                    .isEqualTo(40403);
            int again = register(afterHard, "payments-value", PAYMENT);
            assertThat(again).as("the highest id was hard-deleted; it must not come back").isGreaterThan(payment);
            assertThat(send(afterHard, "GET", "/subjects/payments-value/versions/latest", null).path("version")
                    .asInt()).isEqualTo(1);
        }
    }

    @Test
    void shouldRoundTripAvroRecordsThroughTheLogBackedRegistryAndKafkaClients() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir)) {
            URI registry = startRegistry(fixture.bootstrap());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
            }
            Schema schema = new Schema.Parser().parse(ORDER);
            List<GenericRecord> sent = new ArrayList<>();
            Map<String, Object> serdeConfigs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.toString(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
            try (AvroSerializer serializer = new AvroSerializer(null, serdeConfigs, false);
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(fixture.bootstrap()),
                         new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 20; i++) {
                    GenericRecord order = new GenericData.Record(schema);
                    order.put("id", (long) i);
                    order.put("item", "item-" + i);
                    sent.add(order);
                    producer.send(new ProducerRecord<>("orders", serializer.serialize("orders", order))).get();
                }
            }
            assertThat(send(registry, "GET", "/subjects", null).toString()).isEqualTo("[\"orders-value\"]");

            URI restarted = restart(fixture);
            List<byte[]> values = consumeAll(fixture.bootstrap(), "orders", sent.size());
            List<Object> received = new ArrayList<>();
            try (AvroDeserializer deserializer = new AvroDeserializer()) {
                deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, restarted.toString()), false);
                for (byte[] value : values) {
                    received.add(deserializer.deserialize("orders", value));
                }
            }
            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void shouldStartTheEmbeddedRegistryWhenTheServerConfigSetsListeners() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir,
                Map.of("schema.registry.listeners", "http://127.0.0.1:0"))) {
            EmbeddedRegistry embedded = EmbeddedRegistry.startIfConfigured(fixture.server().config(),
                    fixture.bootstrap());
            assertThat(embedded).isNotNull();
            running.add(embedded);
            int id = register(embedded.url(), "users-value", USER_V1);
            assertThat(send(embedded.url(), "GET", "/subjects/users-value/versions/1", null).path("id").asInt())
                    .isEqualTo(id);
            assertThat(embedded.topic()).isEqualTo("_schemas");
            assertSchemasTopicIsCompactedWithOnePartition(fixture.bootstrap());
        }
    }

    @Test
    void shouldRefuseASchemasTopicWithDeleteCleanupPolicy() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("_schemas", 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "delete")))).all().get();
            }
            assertThatThrownBy(() -> TopicSchemaStore.open(Map.of(TopicSchemaStore.BOOTSTRAP_SERVERS,
                    fixture.bootstrap())))
                    .isInstanceOf(SchemaStoreException.class)
                    .hasMessageContaining("topic=_schemas cleanup.policy=delete expected=compact");
        }
    }

    private URI startRegistry(String bootstrap) {
        TopicSchemaStore store = TopicSchemaStore.open(Map.of(TopicSchemaStore.BOOTSTRAP_SERVERS, bootstrap));
        running.add(store);
        SchemaRegistryServer server = SchemaRegistryServer.start(
                Map.of(SchemaRegistryServerConfig.LISTENERS, "http://127.0.0.1:0"), store);
        running.add(server);
        return server.url();
    }

    private URI restart(ServerFixture fixture) throws Exception {
        stopRegistries();
        running.clear();
        fixture.restart();
        return startRegistry(fixture.bootstrap());
    }

    private int register(URI registry, String subject, String schema) {
        JsonNode answer = send(registry, "POST", "/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(answer.has("id")).as("register " + subject + ": " + answer).isTrue();
        return answer.get("id").asInt();
    }

    /** Every subject (deleted included), version (deleted included) and config the registry reports. */
    private Map<String, Object> snapshot(URI registry) {
        Map<String, Object> facts = new TreeMap<>();
        facts.put("config", send(registry, "GET", "/config", null).toString());
        for (JsonNode subject : send(registry, "GET", "/subjects?deleted=true", null)) {
            String name = subject.asText();
            facts.put(name + "/config", send(registry, "GET", "/config/" + name, null).toString());
            for (JsonNode version : send(registry, "GET", "/subjects/" + name + "/versions?deleted=true", null)) {
                JsonNode detail = send(registry, "GET", "/subjects/" + name + "/versions/" + version.asInt()
                        + "?deleted=true", null);
                facts.put(name + "/" + version.asInt(), detail.toString());
                facts.put("id/" + detail.path("id").asInt(), send(registry, "GET", "/schemas/ids/"
                        + detail.path("id").asInt(), null).toString());
            }
        }
        return facts;
    }

    private JsonNode send(URI registry, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.schemaregistry.v1+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return MAPPER.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("method=" + method + " path=" + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("method=" + method + " path=" + path + " reason=interrupted", e);
        }
    }

    private static String schemaBody(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).toString();
    }

    private static void assertSchemasTopicIsCompactedWithOnePartition(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription topic = admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
            assertThat(topic.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private static List<byte[]> consumeAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).as("records consumed from " + topic).hasSize(expected);
        return values;
    }
}
