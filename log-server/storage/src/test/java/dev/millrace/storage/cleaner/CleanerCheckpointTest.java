package dev.millrace.storage.cleaner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.CorruptIndexException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanerCheckpointTest {
    private static final TopicPartition ORDERS = new TopicPartition("orders", 3);
    private static final TopicPartition USERS = new TopicPartition("users", 0);

    @TempDir
    Path logDir;

    @Test
    void shouldStartEmptyWhenTheFileIsMissing() {
        CleanerCheckpoint checkpoint = CleanerCheckpoint.open(logDir);

        assertThat(checkpoint.offset(ORDERS)).isEmpty();
        assertThat(checkpoint.file()).isEqualTo(logDir.resolve("cleaner-offset-checkpoint"));
    }

    @Test
    void shouldWriteKafkasTextFormatAndReadItBack() throws Exception {
        CleanerCheckpoint checkpoint = CleanerCheckpoint.open(logDir);

        checkpoint.update(USERS, 7);
        checkpoint.update(ORDERS, 1200);

        assertThat(Files.readString(checkpoint.file(), StandardCharsets.UTF_8))
                .isEqualTo("0\n2\norders 3 1200\nusers 0 7\n");
        CleanerCheckpoint reopened = CleanerCheckpoint.open(logDir);
        assertThat(reopened.offset(ORDERS)).hasValue(1200);
        assertThat(reopened.offset(USERS)).hasValue(7);
    }

    @Test
    void shouldLowerButNeverRaiseOnTruncation() {
        CleanerCheckpoint checkpoint = CleanerCheckpoint.open(logDir);
        checkpoint.update(ORDERS, 100);

        checkpoint.truncateTo(ORDERS, 150);
        assertThat(checkpoint.offset(ORDERS)).hasValue(100);
        checkpoint.truncateTo(ORDERS, 40);
        assertThat(CleanerCheckpoint.open(logDir).offset(ORDERS)).hasValue(40);
    }

    @Test
    void shouldForgetARemovedPartition() {
        CleanerCheckpoint checkpoint = CleanerCheckpoint.open(logDir);
        checkpoint.update(ORDERS, 100);
        checkpoint.update(USERS, 5);

        checkpoint.remove(ORDERS);

        assertThat(CleanerCheckpoint.open(logDir).offsets()).containsOnlyKeys(USERS);
    }

    @Test
    void shouldReportAMalformedFileWithItsLine() throws Exception {
        Files.writeString(logDir.resolve(CleanerCheckpoint.FILE_NAME), "0\n1\norders x 5\n");

        assertThatThrownBy(() -> CleanerCheckpoint.open(logDir)).isInstanceOf(CorruptIndexException.class)
                .hasMessageContaining("line=3");
    }
}
