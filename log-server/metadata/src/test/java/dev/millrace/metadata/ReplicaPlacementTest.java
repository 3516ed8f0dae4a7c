package dev.millrace.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.InvalidReplicationFactorException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReplicaPlacementTest {
    @Test
    void shouldPlaceRoundRobinOverLiveBrokersSpreadingLeaders() {
        var brokers = new TreeSet<>(List.of(3, 1, 2));
        assertThat(ReplicaPlacement.place(0, 4, 2, brokers)).containsExactly(List.of(1, 2), List.of(2, 3),
                List.of(3, 1), List.of(1, 2));
        assertThat(ReplicaPlacement.place(4, 1, 3, brokers)).containsExactly(List.of(2, 3, 1));
    }

    @Test
    void shouldRefuseFactorsTheClusterCannotMeet() {
        var one = new TreeSet<>(List.of(1));
        assertThatThrownBy(() -> ReplicaPlacement.place(0, 1, 2, one))
                .isInstanceOf(InvalidReplicationFactorException.class)
                .hasMessage("The target replication factor of 2 cannot be reached because only 1 broker(s) are "
                        + "registered.");
        assertThatThrownBy(() -> ReplicaPlacement.place(0, 1, 0, one))
                .hasMessage("Invalid replication factor 0: the replication factor must be positive.");
        assertThatThrownBy(() -> ReplicaPlacement.place(0, 1, 1, new TreeSet<>()))
                .hasMessage("All brokers are currently fenced.");
    }
}
