package dev.millrace.protocol.message;

import dev.millrace.common.Uuid;
import dev.millrace.generator.FieldSpec;
import dev.millrace.generator.FieldType;
import dev.millrace.generator.MessageSpec;
import dev.millrace.generator.StructCollector;
import dev.millrace.generator.StructSpec;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.types.Message;
import dev.millrace.protocol.types.RawTaggedField;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random instances of generated message classes for one version, driven by the same
 * definitions the generator read: every field that exists in the version gets a random value
 * (biased towards edge cases: null where the version allows it, empty strings and arrays, extreme
 * numbers), every other field keeps its default. In flexible versions it sometimes adds unknown
 * tagged fields, which must survive a round trip.
 */
final class MessageRandomizer {
    private final Random random;

    MessageRandomizer(Random random) {
        this.random = random;
    }

    Message randomMessage(MessageSpec spec, short version) throws ReflectiveOperationException {
        Class<?> top = Class.forName("dev.millrace.protocol.message." + spec.className());
        return fill(spec, top, spec.body(), version);
    }

    private Message fill(MessageSpec spec, Class<?> type, StructSpec struct, short version)
            throws ReflectiveOperationException {
        Message message = (Message) type.getConstructor().newInstance();
        for (FieldSpec field : struct.fields()) {
            boolean present = field.versions().contains(version)
                    && (!field.isTagged() || field.taggedVersions().contains(version));
            if (!present) {
                continue;
            }
            if (field.isTagged() && random.nextInt(4) == 0) {
                continue;
            }
            Object value = randomValue(spec, type, field, version);
            Method setter = findSetter(type, field);
            setter.invoke(message, value);
        }
        if (spec.flexibleVersions().contains(version) && random.nextInt(8) == 0) {
            List<RawTaggedField> unknown = new ArrayList<>();
            int tag = 1000 + random.nextInt(10);
            for (int i = random.nextInt(3); i >= 0; i--) {
                unknown.add(new RawTaggedField(tag, bytes(4)));
                tag += 1 + random.nextInt(5);
            }
            type.getMethod("setUnknownTaggedFields", List.class).invoke(message, unknown);
        }
        return message;
    }

    private static Method findSetter(Class<?> type, FieldSpec field) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(field.setterName()) && m.getParameterCount() == 1) {
                return m;
            }
        }
        throw new IllegalStateException("class=" + type.getName() + " missingSetter=" + field.setterName());
    }

    private Object randomValue(MessageSpec spec, Class<?> owner, FieldSpec field, short version)
            throws ReflectiveOperationException {
        FieldType type = field.type();
        if (field.nullableVersions().contains(version) && random.nextInt(6) == 0) {
            return null;
        }
        if (type.array()) {
            int length = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(type.isStruct() ? randomStruct(spec, owner, field, version) : scalar(type.name()));
            }
            return list;
        }
        if (type.isStruct()) {
            return randomStruct(spec, owner, field, version);
        }
        return scalar(type.name());
    }

    private Message randomStruct(MessageSpec spec, Class<?> owner, FieldSpec field, short version)
            throws ReflectiveOperationException {
        StructSpec struct = StructCollector.resolve(spec, field);
        Class<?> top = owner.getEnclosingClass() == null ? owner : owner.getEnclosingClass();
        Class<?> nested = Class.forName(top.getName() + "$" + struct.name());
        return fill(spec, nested, struct, version);
    }

    private Object scalar(String type) {
        boolean edge = random.nextInt(5) == 0;
        return switch (type) {
            case "bool" -> random.nextBoolean();
            case "int8" -> edge ? pick(Byte.MIN_VALUE, (byte) -1, (byte) 0, Byte.MAX_VALUE) : (byte) random.nextInt();
            case "int16" -> edge ? pick(Short.MIN_VALUE, (short) -1, (short) 0, Short.MAX_VALUE) : (short) random.nextInt();
            case "uint16" -> edge ? pick(0, 65535) : random.nextInt(65536);
            case "int32" -> edge ? pick(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE) : random.nextInt();
            case "uint32" -> edge ? pick(0L, 0xffffffffL) : random.nextLong() & 0xffffffffL;
            case "int64" -> edge ? pick(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE) : random.nextLong();
            case "float64" -> edge ? pick(0.0, -1.5, Double.MAX_VALUE) : random.nextDouble() * 1000;
            case "string" -> edge ? pick("", "ü-€-𝄞", "x".repeat(300)) : "s" + Integer.toString(random.nextInt(100000), 36);
            case "bytes" -> edge ? new byte[0] : bytes(random.nextInt(20));
            case "uuid" -> edge ? Uuid.ZERO_UUID : new Uuid(random.nextLong(), random.nextLong());
            case "records" -> MemoryRecords.readableRecords(ByteBuffer.wrap(bytes(random.nextInt(40))));
            default -> throw new IllegalStateException("type=" + type);
        };
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
