package dev.millrace.metadata;

import static dev.millrace.metadata.Requests.alter;
import static dev.millrace.metadata.Requests.create;
import static dev.millrace.metadata.Requests.deleteById;
import static dev.millrace.metadata.Requests.deleteByName;
import static dev.millrace.metadata.Requests.grow;
import static dev.millrace.metadata.Requests.incremental;
import static dev.millrace.metadata.Requests.replace;
import static dev.millrace.metadata.Requests.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of admin operations (seeded; {@code -Dmillrace.seed=N}): after every few steps
 * the log is reopened (alternately after a clean close and after a "crash" without one) and the
 * image replayed from disk must equal the image the controller built in memory.
 */
class ReplayEquivalenceTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x3E7AL);
    private static final int RUNS = 6;
    private static final int STEPS = 60;

    @TempDir
    Path root;

    @Test
    void shouldReplayFromDiskToTheSameImageAsBuiltInMemory() throws Exception {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            Path dir = Files.createDirectory(root.resolve("run" + run));
            ControllerFixture fx = new ControllerFixture(dir, 1 + random.nextInt(3), ControllerFixture.STRICT);
            for (int step = 0; step < STEPS; step++) {
                String where = "seed=" + SEED + " run=" + run + " step=" + step;
                randomOperation(fx.controller, random);
                if (random.nextInt(8) == 0) {
                    MetadataImage inMemory = fx.controller.image();
                    if (random.nextBoolean()) {
                        fx.restart();
                    } else {
                        fx.open();
                    }
                    assertThat(fx.controller.image()).as(where).isEqualTo(inMemory);
                }
            }
            MetadataImage inMemory = fx.controller.image();
            assertThat(inMemory.lastAppliedOffset()).as("seed=" + SEED + " run=" + run + " made changes")
                    .isGreaterThan(STEPS / 2);
            assertThat(fx.restart()).as("seed=" + SEED + " run=" + run + " final").isEqualTo(inMemory);
            fx.close();
        }
    }

    private static void randomOperation(Controller controller, Random random) {
        List<String> existing = new ArrayList<>(controller.image().topicsByName().keySet());
        String name = "t" + random.nextInt(12) + (random.nextInt(4) == 0 ? ".x" : "");
        String some = existing.isEmpty() ? name : existing.get(random.nextInt(existing.size()));
        switch (random.nextInt(8)) {
            case 0, 1 -> controller.createTopics(create(topic(name, random.nextInt(4) - 1, 1),
                    topic(name + "b", 1 + random.nextInt(3), random.nextInt(2) == 0 ? -1 : 1)), (short) 7);
            case 2 -> controller.deleteTopics(deleteByName(some), (short) 5);
            case 3 -> controller.deleteTopics(deleteById(controller.image().topic(some) == null
                    ? new dev.millrace.common.Uuid(1, 1) : controller.image().topic(some).id()), (short) 6);
            case 4 -> controller.createPartitions(grow(some, 1 + random.nextInt(6), null), (short) 3);
            case 5 -> controller.incrementalAlterConfigs(alter(incremental(2, some, random.nextInt(4),
                    random.nextBoolean() ? "cleanup.policy" : "retention.ms", "v" + random.nextInt(3)),
                    incremental(4, random.nextBoolean() ? "" : "1", random.nextInt(2), "k" + random.nextInt(3),
                            "v")), (short) 1);
            case 6 -> controller.alterConfigs(replace(2, some, Map.of("segment.ms", "" + random.nextInt(9))),
                    (short) 2);
            default -> controller.allocateProducerIds(1 + random.nextInt(1000));
        }
    }
}
