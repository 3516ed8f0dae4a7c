package dev.millrace.serdes.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.serialization.Serde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JSON serdes: seeded random round trips of a record class, a POJO, a generic list and
 * {@link JsonNode} trees (unicode text, extreme numbers, nulls); target types from the constructor
 * and from {@code json.key.type} / {@code json.value.type}; and malformed input, whose
 * {@link SerializationException} must name the topic and the byte offset of the problem within the
 * record's bytes (multi-byte characters counted as bytes, buffers counted from their position). The
 * seed can be replaced with {@code -Dmillrace.seed=<long>}; assertion messages name it.
 */
class JsonSerdeTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x150EL);
    private static final int VALUES = 1_000;
    private static final String TOPIC = "orders";

    /** A record class as users write them. */
    public record Order(String id, long cents, double rate, List<String> tags, String note) {
    }

    /** A classic mutable bean. */
    public static final class Customer {
        private String name;
        private int age;
        private List<Integer> scores;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public List<Integer> getScores() {
            return scores;
        }

        public void setScores(List<Integer> scores) {
            this.scores = scores;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customer that && Objects.equals(name, that.name) && age == that.age
                    && Objects.equals(scores, that.scores);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age, scores);
        }

        @Override
        public String toString() {
            return "Customer(name=" + name + " age=" + age + " scores=" + scores + ")";
        }
    }

    @Test
    void shouldRoundTripSeededRandomRecords() {
        Random random = new Random(SEED);
        Serde<Order> serde = new JsonSerde<>(Order.class);
        for (int i = 0; i < VALUES; i++) {
            Order order = randomOrder(random);
            byte[] bytes = serde.serializer().serialize(TOPIC, order);
            String facts = "seed=" + SEED + " case=" + i + " order=" + order;
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).as(facts).isEqualTo(order);
            assertThat(serde.deserializer().deserialize(TOPIC, new RecordHeaders(), ByteBuffer.wrap(bytes)))
                    .as(facts + " buffer").isEqualTo(order);
        }
    }

    @Test
    void shouldRoundTripSeededRandomPojosAndGenericLists() {
        Random random = new Random(SEED);
        Serde<Customer> customers = new JsonSerde<>(Customer.class);
        Serde<List<Order>> orderLists = new JsonSerde<>(new TypeReference<List<Order>>() { });
        for (int i = 0; i < VALUES; i++) {
            Customer customer = new Customer();
            customer.setName(randomText(random));
            customer.setAge(random.nextInt());
            customer.setScores(random.nextBoolean() ? null : List.of(random.nextInt(), Integer.MIN_VALUE));
            List<Order> orders = List.of(randomOrder(random), randomOrder(random));
            String facts = "seed=" + SEED + " case=" + i;

            assertThat(customers.deserializer().deserialize(TOPIC, customers.serializer().serialize(TOPIC, customer)))
                    .as(facts + " customer=" + customer).isEqualTo(customer);
            assertThat(orderLists.deserializer().deserialize(TOPIC, orderLists.serializer().serialize(TOPIC, orders)))
                    .as(facts + " orders=" + orders).isEqualTo(orders);
        }
    }

    @Test
    void shouldRoundTripSeededRandomJsonTrees() {
        Random random = new Random(SEED);
        Serde<JsonNode> serde = new JsonNodeSerde();
        for (int i = 0; i < VALUES; i++) {
            JsonNode tree = randomTree(random, 3);
            byte[] bytes = serde.serializer().serialize(TOPIC, tree);
            assertThat(serde.deserializer().deserialize(TOPIC, bytes))
                    .as("seed=" + SEED + " case=" + i + " tree=" + tree).isEqualTo(tree);
        }
    }

    @Test
    void shouldKeepNullAsNullBytesAndReadTheNullLiteralPerTargetType() {
        Serde<Order> orders = new JsonSerde<>(Order.class);
        Serde<JsonNode> trees = new JsonNodeSerde();
        byte[] literal = "null".getBytes(StandardCharsets.UTF_8);

        assertThat(orders.serializer().serialize(TOPIC, null)).isNull();
        assertThat(orders.deserializer().deserialize(TOPIC, (byte[]) null)).isNull();
        assertThat(orders.deserializer().deserialize(TOPIC, null, (ByteBuffer) null)).isNull();
        assertThat(orders.deserializer().deserialize(TOPIC, literal)).isNull();
        assertThat(trees.deserializer().deserialize(TOPIC, literal)).isInstanceOf(NullNode.class);
        assertThat(trees.serializer().serialize(TOPIC, NullNode.getInstance())).isEqualTo(literal);
    }

    @Test
    void shouldIgnoreUnknownPropertiesWithTheDefaultMapper() {
        byte[] bytes = "{\"id\":\"a\",\"cents\":5,\"added\":{\"x\":[1,2]}}".getBytes(StandardCharsets.UTF_8);

        assertThat(new JsonDeserializer<>(Order.class).deserialize(TOPIC, bytes))
                .isEqualTo(new Order("a", 5, 0.0, null, null));
    }

    @Test
    void shouldTakeTheTargetTypeFromValueOrKeyConfigurationByNameOrClass() {
        Serde<Order> values = new JsonSerde<>();
        values.configure(Map.of(JsonSerdeConfig.VALUE_TYPE_CONFIG, Order.class.getName(),
                JsonSerdeConfig.KEY_TYPE_CONFIG, Customer.class), false);
        JsonDeserializer<Customer> keys = new JsonDeserializer<>();
        keys.configure(Map.of(JsonSerdeConfig.KEY_TYPE_CONFIG, Customer.class), true);
        JsonDeserializer<Order> fixed = new JsonDeserializer<>(Order.class);
        fixed.configure(Map.of(JsonSerdeConfig.VALUE_TYPE_CONFIG, Customer.class), false);
        Order order = new Order("o-1", 12, 0.5, List.of("x"), "n");
        byte[] bytes = values.serializer().serialize(TOPIC, order);

        assertThat(values.deserializer().deserialize(TOPIC, bytes)).isEqualTo(order);
        assertThat(keys.deserialize(TOPIC, "{\"name\":\"k\",\"age\":3}".getBytes(StandardCharsets.UTF_8)).getAge())
                .isEqualTo(3);
        assertThat(fixed.deserialize(TOPIC, bytes)).as("constructor type wins").isEqualTo(order);
    }

    @Test
    void shouldRejectMissingOrUnusableTypeConfigurationAndUseBeforeConfiguration() {
        assertThatThrownBy(() -> new JsonDeserializer<>().configure(Map.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason=jsonTypeMissing config=json.value.type");
        assertThatThrownBy(() -> new JsonDeserializer<>().configure(Map.of("json.key.type", "no.such.Type"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason=jsonTypeNotFound config=json.key.type className=no.such.Type");
        assertThatThrownBy(() -> new JsonDeserializer<>().configure(Map.of("json.value.type", 7), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason=jsonTypeNotClassOrName config=json.value.type valueType=java.lang.Integer");
        assertThatThrownBy(() -> new JsonDeserializer<>().deserialize(TOPIC, new byte[] {'1'}))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("reason=jsonTypeNotConfigured");
    }

    @Test
    void shouldNameTopicAndByteOffsetOfASyntaxError() {
        assertMalformed(new JsonDeserializer<>(Order.class), "{\"id\":\"a\",\"cents\":12x}",
                "reason=malformedJson deserializer=JsonDeserializer topic=orders targetType=" + Order.class.getName()
                        + " byteOffset=20 line=1 column=21 recordSize=22 detail=Unexpected character ('x' (code 120)):"
                        + " was expecting comma to separate Object entries near=\":\"a\",\"cents\":12x}");
    }

    @Test
    void shouldCountMultiByteCharactersAsBytesInTheOffset() {
        // The '}' is character 19 but byte 23: each of the two CJK characters takes three bytes.
        assertMalformed(new JsonDeserializer<>(Order.class), "{\"id\":\"日本\",\"cents\":}",
                "byteOffset=23 line=1 column=24 recordSize=24");
    }

    @Test
    void shouldNameOffsetAndPathOfAFieldOfTheWrongType() {
        assertMalformed(new JsonDeserializer<>(Order.class), "{\"id\":\"a\",\"cents\":\"abc\"}",
                "byteOffset=18 line=1 column=19 recordSize=24 path=" + Order.class.getName() + "[\"cents\"]"
                        + " detail=Cannot deserialize value of type `long` from String \"abc\"");
    }

    @Test
    void shouldRejectContentAfterTheValueAndTruncatedOrEmptyInput() {
        assertMalformed(new JsonNodeSerde().deserializer(), "{} {}", "byteOffset=3 line=1 column=4 recordSize=5"
                + " detail=Trailing token (of type START_OBJECT) found after value");
        assertMalformed(new JsonDeserializer<>(Order.class), "{\"id\":\"a\",", "byteOffset=10 line=1 column=11"
                + " recordSize=10 detail=Unexpected end-of-input within/between Object entries");
        assertMalformed(new JsonDeserializer<>(Order.class), "", "byteOffset=0 line=1 column=0 recordSize=0"
                + " detail=No content to map due to end-of-input");
        assertMalformed(new JsonNodeSerde().deserializer(), " \n", "byteOffset=2 ");
    }

    @Test
    void shouldCountTheOffsetFromTheBufferPositionForHeapAndDirectBuffers() {
        byte[] padded = "xxxx{\"id\":\"a\",\"cents\":12x}yy".getBytes(StandardCharsets.UTF_8);
        ByteBuffer atOffset = ByteBuffer.wrap(padded, 4, padded.length - 6);
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
        direct.position(4).limit(padded.length - 2);
        JsonDeserializer<Order> deserializer = new JsonDeserializer<>(Order.class);

        for (ByteBuffer buffer : List.of(atOffset, atOffset.slice(), direct)) {
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, null, buffer)).as(buffer.toString())
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(" byteOffset=20 line=1 column=21 recordSize=22 ")
                    .hasMessageEndingWith(" near=\":\"a\",\"cents\":12x}");
            assertThat(buffer.position()).isEqualTo(buffer == atOffset || buffer == direct ? 4 : 0);
        }
    }

    @Test
    void shouldNameTopicAndValueTypeWhenAValueCannotBeWritten() {
        JsonSerializer<Object> serializer = new JsonSerializer<>();

        assertThatThrownBy(() -> serializer.serialize(TOPIC, new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("reason=jsonWriteFailed serializer=JsonSerializer topic=orders"
                        + " valueType=java.lang.Object detail=No serializer found for class java.lang.Object");
    }

    private static void assertMalformed(dev.millrace.common.serialization.Deserializer<?> deserializer, String json,
            String expectedFragment) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes)).as(json)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic=" + TOPIC)
                .hasMessageContaining(expectedFragment);
    }

    private static Order randomOrder(Random random) {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(randomText(random));
        }
        long cents = switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            default -> random.nextLong();
        };
        double rate = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL)
                : random.nextGaussian();
        return new Order(randomText(random), cents, rate, random.nextInt(5) == 0 ? null : tags,
                random.nextBoolean() ? null : randomText(random));
    }

    private static JsonNode randomTree(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth == 0 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0: {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random), randomTree(random, depth - 1));
                }
                return object;
            }
            case 1: {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomTree(random, depth - 1));
                }
                return array;
            }
            case 2:
                return nodes.textNode(randomText(random));
            case 3:
                return nodes.numberNode(random.nextInt());
            case 4:
                return nodes.numberNode(random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE - random.nextInt(9));
            case 5:
                return nodes.numberNode(random.nextGaussian() * 1e6);
            default:
                return random.nextBoolean() ? nodes.booleanNode(random.nextBoolean()) : nodes.nullNode();
        }
    }

    /** Text of random code points from every UTF-8 length class, control characters included. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(16); i > 0; i--) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x4E00 + random.nextInt(0x5000);
                case 3 -> 0x1F300 + random.nextInt(0x300);
                default -> '"';
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
