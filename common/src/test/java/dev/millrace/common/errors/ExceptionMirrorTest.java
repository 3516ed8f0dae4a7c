package dev.millrace.common.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.millrace.common.TopicPartition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges this package against Apache Kafka's {@code org.apache.kafka.common.errors} (kafka-clients, test
 * scope): every Kafka exception has a mirror under the porting rule, with the ported superclass, the same
 * abstractness, every public constructor and public method (parameter types ported), and nothing here
 * lacks a Kafka counterpart.
 */
class ExceptionMirrorTest {
    private static final String KAFKA_ERRORS = "org.apache.kafka.common.errors.";
    private static final String OURS = "dev.millrace.common.errors.";
    /** Not mirrored yet: needs record, header and timestamp types that common does not have. */
    private static final Set<String> NOT_MIRRORED = Set.of("RecordDeserializationException");

    private static String port(String simpleName) {
        return simpleName.startsWith("Kafka") ? "Millrace" + simpleName.substring("Kafka".length()) : simpleName;
    }

    private static Class<?> portType(Class<?> kafkaType) throws ClassNotFoundException {
        String name = kafkaType.getName();
        if (name.equals("org.apache.kafka.common.TopicPartition")) {
            return TopicPartition.class;
        }
        if (name.startsWith(KAFKA_ERRORS) || name.equals("org.apache.kafka.common.InvalidRecordException")
                || name.equals("org.apache.kafka.common.KafkaException")) {
            return Class.forName(OURS + port(kafkaType.getSimpleName()));
        }
        assertThat(name).as("unported Kafka type in a signature").doesNotStartWith("org.apache.kafka");
        return kafkaType;
    }

    private static List<String> kafkaExceptionNames() throws IOException, URISyntaxException {
        File jar = new File(org.apache.kafka.common.errors.ApiException.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (JarEntry entry : file.stream().toList()) {
                String path = entry.getName();
                if (path.startsWith("org/apache/kafka/common/errors/") && path.endsWith(".class")
                        && !path.contains("$") && !path.endsWith("package-info.class")) {
                    names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        names.add("org.apache.kafka.common.InvalidRecordException");
        names.add("org.apache.kafka.common.KafkaException");
        names.removeIf(name -> NOT_MIRRORED.contains(name.substring(name.lastIndexOf('.') + 1)));
        return names;
    }

    @TestFactory
    Stream<DynamicTest> everyKafkaExceptionIsMirrored() throws IOException, URISyntaxException {
        List<String> names = kafkaExceptionNames();
        assertThat(names).hasSizeGreaterThan(140);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> checkMirror(Class.forName(name))));
    }

    private static void checkMirror(Class<?> kafka) throws ReflectiveOperationException {
        Class<?> ours = portType(kafka);
        String facts = "ours=" + ours.getName() + " kafka=" + kafka.getName();
        assertThat(ours.getSuperclass()).as(facts + " superclass")
                .isEqualTo(kafka.getSimpleName().equals("KafkaException") ? RuntimeException.class
                        : portType(kafka.getSuperclass()));
        assertThat(Modifier.isAbstract(ours.getModifiers())).as(facts + " abstract")
                .isEqualTo(Modifier.isAbstract(kafka.getModifiers()));
        assertThat(Modifier.isPublic(ours.getModifiers())).as(facts + " public").isTrue();
        Field uid = ours.getDeclaredField("serialVersionUID");
        assertThat(Modifier.isStatic(uid.getModifiers()) && Modifier.isFinal(uid.getModifiers()))
                .as(facts + " serialVersionUID").isTrue();
        for (Constructor<?> kafkaConstructor : kafka.getConstructors()) {
            Constructor<?> mine = ours.getDeclaredConstructor(portTypes(kafkaConstructor.getParameterTypes()));
            int modifiers = mine.getModifiers();
            assertThat(Modifier.isPublic(modifiers) || Modifier.isAbstract(ours.getModifiers())
                    && Modifier.isProtected(modifiers)).as(facts + " constructor " + mine).isTrue();
        }
        for (Method kafkaMethod : kafka.getDeclaredMethods()) {
            if (!Modifier.isPublic(kafkaMethod.getModifiers()) || kafkaMethod.isSynthetic()) {
                continue;
            }
            Method mine = ours.getDeclaredMethod(kafkaMethod.getName(), portTypes(kafkaMethod.getParameterTypes()));
            assertThat(Modifier.isStatic(mine.getModifiers())).as(facts + " static " + mine)
                    .isEqualTo(Modifier.isStatic(kafkaMethod.getModifiers()));
            assertThat(mine.getReturnType()).as(facts + " return type of " + mine)
                    .isEqualTo(portType(kafkaMethod.getReturnType()));
        }
    }

    private static Class<?>[] portTypes(Class<?>[] kafkaTypes) throws ClassNotFoundException {
        Class<?>[] ported = new Class<?>[kafkaTypes.length];
        for (int i = 0; i < kafkaTypes.length; i++) {
            ported[i] = portType(kafkaTypes[i]);
        }
        return ported;
    }

    @Test
    void shouldHaveNoExceptionWithoutKafkaCounterpart() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String name : kafkaExceptionNames()) {
            expected.add(port(name.substring(name.lastIndexOf('.') + 1)));
        }
        File directory = new File(MillraceException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        File[] classFiles = new File(directory, "dev/millrace/common/errors").listFiles(
                (dir, fileName) -> fileName.endsWith(".class") && !fileName.contains("$")
                        && !fileName.equals("package-info.class"));
        assertThat(classFiles).as("compiled classes of " + OURS).isNotNull();
        Set<String> actual = new TreeSet<>();
        for (File classFile : classFiles) {
            actual.add(classFile.getName().substring(0, classFile.getName().length() - ".class".length()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> everyConcreteExceptionKeepsMessageAndCause() throws IOException, URISyntaxException {
        return kafkaExceptionNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Class<?> ours = portType(Class.forName(name));
            if (Modifier.isAbstract(ours.getModifiers()) || ours == InterruptException.class) {
                return;
            }
            IllegalStateException cause = new IllegalStateException("root");
            Throwable withCause = (Throwable) ours.getConstructor(String.class, Throwable.class)
                    .newInstance("key=value", cause);
            assertThat(withCause).hasMessage("key=value").hasCause(cause);
            Throwable withMessage = (Throwable) ours.getConstructor(String.class).newInstance("k=v");
            assertThat(withMessage).hasMessage("k=v").isInstanceOf(MillraceException.class);
        }));
    }

    @Test
    void shouldSkipStackTracesOnlyForApiExceptions() {
        assertThat(new NotLeaderOrFollowerException("partition=orders-3").getStackTrace()).isEmpty();
        assertThat(new SerializationException("offset=12").getStackTrace()).isNotEmpty();
    }

    @Test
    void shouldMarkRetriableErrorsLikeKafka() {
        assertThat(new UnknownTopicOrPartitionException("t")).isInstanceOf(InvalidMetadataException.class)
                .isInstanceOf(RefreshRetriableException.class).isInstanceOf(RetriableException.class);
        assertThat(new NotCoordinatorException("g")).isInstanceOf(RefreshRetriableException.class)
                .isNotInstanceOf(InvalidMetadataException.class);
        assertThat(new TimeoutException("t")).isInstanceOf(RetriableException.class);
        assertThat(new ProducerFencedException("p")).isInstanceOf(ApplicationRecoverableException.class)
                .isNotInstanceOf(RetriableException.class);
        assertThat(new SaslAuthenticationException("s")).isInstanceOf(AuthenticationException.class)
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void shouldReassertInterruptFlagWhenWrappingInterruption() {
        try {
            InterruptException wrapped = new InterruptException(new InterruptedException("stop"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(wrapped).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
            InterruptException fromMessage = new InterruptException("operation=poll");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(fromMessage).hasMessage("operation=poll").hasCauseInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shouldCopyAndProtectCarriedCollections() {
        Set<String> topics = new HashSet<>(Set.of("orders"));
        TopicAuthorizationException denied = new TopicAuthorizationException(topics);
        topics.add("payments");
        assertThat(denied.unauthorizedTopics()).containsExactly("orders");
        assertThat(denied).hasMessageContaining("orders");
        assertThatCode(() -> denied.unauthorizedTopics().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new TopicAuthorizationException("m").unauthorizedTopics()).isEmpty();
        assertThat(new InvalidTopicException(Set.of("bad topic")).invalidTopics()).containsExactly("bad topic");
        assertThat(new InvalidTopicException("m").invalidTopics()).isEmpty();
        assertThat(new RecordTooLargeException("m").recordTooLargePartitions()).isEmpty();
        Map<TopicPartition, Long> offsets = new HashMap<>(Map.of(new TopicPartition("orders", 1), 5L));
        RecordTooLargeException tooLarge = new RecordTooLargeException("m", offsets);
        offsets.clear();
        assertThat(tooLarge.recordTooLargePartitions()).containsExactly(Map.entry(new TopicPartition("orders", 1), 5L));
    }

    @Test
    void shouldCarryOptionalFactsLikeKafka() {
        assertThat(GroupAuthorizationException.forGroupId("billing").groupId()).isEqualTo("billing");
        assertThat(new GroupAuthorizationException("m", "billing")).hasMessage("m");
        assertThat(new GroupAuthorizationException("m").groupId()).isNull();
        assertThat(new DuplicateResourceException("acl-1", "m").resource()).isEqualTo("acl-1");
        assertThat(new ResourceNotFoundException("m").resource()).isNull();
        assertThat(new ThrottlingQuotaExceededException(250, "m").throttleTimeMs()).isEqualTo(250);
        assertThat(new ThrottlingQuotaExceededException("m").throttleTimeMs()).isZero();
        assertThat(new CorruptRecordException().getMessage()).isNotBlank();
    }

    @Test
    void shouldSurviveJavaSerializationWithCarriedFacts() throws IOException, ClassNotFoundException {
        RecordTooLargeException original = new RecordTooLargeException("maxBytes=1048576",
                Map.of(new TopicPartition("orders", 2), 40L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            RecordTooLargeException copy = (RecordTooLargeException) in.readObject();
            assertThat(copy).hasMessage("maxBytes=1048576");
            assertThat(copy.recordTooLargePartitions()).isEqualTo(original.recordTooLargePartitions());
        }
    }
}
