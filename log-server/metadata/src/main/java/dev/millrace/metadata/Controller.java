package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.common.time.Time;
import dev.millrace.metadata.records.ClusterIdRecord;
import dev.millrace.metadata.records.ProducerIdsRecord;
import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.AlterConfigsResponseData;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import dev.millrace.protocol.types.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The single-node controller: validates admin requests against the current {@link MetadataImage},
 * turns each into one batch of metadata records, makes the batch durable in the {@link MetadataLog},
 * applies it, publishes the new image and tells the listeners. Requests and responses are the
 * generated protocol classes, with per-topic or per-resource error codes and messages as Kafka's
 * controller fills them.
 *
 * <p>Threading: <b>single-threaded by contract</b>. One thread (the server's controller thread)
 * calls {@link #open} and every mutating method, and runs the listeners. {@link #image()} is a
 * volatile read of an immutable image and may be called from any thread.
 *
 * <p>Guarantees: every mutation validates the whole request before writing; one request is one
 * batch, appended and fsynced before the image changes, so a crash leaves each request fully applied
 * or not at all. With {@code validateOnly} nothing is written. When the append fails nothing is
 * published, and each item that would have succeeded reports KAFKA_STORAGE_ERROR (storage failure)
 * or UNKNOWN_SERVER_ERROR (anything else). Topic ids are random and never reused.
 *
 * <p>Live brokers are only this node for now; placement code already takes a set so that the
 * multi-node controller can reuse it.
 */
public final class Controller {
    private final ControllerConfig config;
    private final MetadataLog log;
    private final SortedSet<Integer> liveBrokers;
    private final List<MetadataListener> listeners = new ArrayList<>();
    private final List<RuntimeException> listenerFailures = new ArrayList<>();
    private volatile MetadataImage image;

    private Controller(ControllerConfig config, MetadataLog log, MetadataImage image) {
        this.config = config;
        this.log = log;
        this.image = image;
        this.liveBrokers = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(config.nodeId())));
    }

    /**
     * Replays {@code log} into the image and, on first start (no cluster id yet), writes the
     * cluster-id record: 22 characters of URL-safe base64 of a random uuid.
     *
     * @param time the clock (the metadata log stamps batches with it; kept for timeouts to come)
     * @throws MetadataRecordException if the log holds a record that cannot be read or replayed
     * @throws dev.millrace.storage.LogStorageException if the cluster id cannot be written
     */
    public static Controller open(ControllerConfig config, MetadataLog log, Time time) {
        MetadataImage[] replayed = {MetadataImage.EMPTY};
        log.replay((records, lastOffset) -> {
            MetadataDelta delta = new MetadataDelta(replayed[0]);
            records.forEach(delta::replay);
            replayed[0] = delta.apply(lastOffset);
        });
        Controller controller = new Controller(config, log, replayed[0]);
        if (replayed[0].clusterId() == null) {
            controller.commit(List.of(new ClusterIdRecord().setClusterId(Uuid.randomUuid().toString())));
        }
        return controller;
    }

    /** The latest committed image; safe from any thread. */
    public MetadataImage image() {
        return image;
    }

    /** The settings. */
    public ControllerConfig config() {
        return config;
    }

    /** The brokers new replicas may be placed on (this node). */
    public SortedSet<Integer> liveBrokers() {
        return liveBrokers;
    }

    /** Registers a listener told about every later committed change. */
    public void addListener(MetadataListener listener) {
        listeners.add(listener);
    }

    /** Exceptions listeners threw (they do not undo the change); for the server to log and for tests. */
    public List<RuntimeException> listenerFailures() {
        return List.copyOf(listenerFailures);
    }

    /** Creates topics (CreateTopics v2-7); the v5+ per-topic {@code Configs} are left for the server. */
    public CreateTopicsResponseData createTopics(CreateTopicsRequestData request, short version) {
        MetadataImage current = image;
        Plan<CreateTopicsResponseData> plan = TopicCreation.plan(request, current, config, liveBrokers,
                () -> newTopicId(current));
        if (request.validateOnly()) {
            for (var result : plan.response().topics()) {
                result.setTopicId(Uuid.ZERO_UUID);
            }
        }
        return execute(plan, request.validateOnly());
    }

    /** Deletes topics by name (v0-5) or by name or id (v6+). */
    public DeleteTopicsResponseData deleteTopics(DeleteTopicsRequestData request, short version) {
        return execute(TopicDeletion.plan(request, image), false);
    }

    /** Adds partitions to existing topics (CreatePartitions v0-3). */
    public CreatePartitionsResponseData createPartitions(CreatePartitionsRequestData request, short version) {
        return execute(PartitionCreation.plan(request, image, liveBrokers), request.validateOnly());
    }

    /** Applies SET / DELETE / APPEND / SUBTRACT operations to topic and broker configs. */
    public IncrementalAlterConfigsResponseData incrementalAlterConfigs(IncrementalAlterConfigsRequestData request,
                                                                       short version) {
        return execute(ConfigChanges.incremental(request, image, config), request.validateOnly());
    }

    /** Replaces the whole dynamic config set of each resource (the legacy AlterConfigs). */
    public AlterConfigsResponseData alterConfigs(AlterConfigsRequestData request, short version) {
        return execute(ConfigChanges.legacy(request, image, config), request.validateOnly());
    }

    /**
     * Hands out a block of {@code count} producer ids, persisted before it is returned so that no id
     * is handed out twice, across restarts too.
     *
     * @return the first id of the block
     * @throws IllegalArgumentException if {@code count} is not positive or the ids would overflow
     * @throws RuntimeException the append's failure (a LogStorageException for the disk)
     */
    public long allocateProducerIds(int count) {
        long first = image.nextProducerId();
        if (count <= 0 || first > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("count=" + count + " nextProducerId=" + first
                    + " reason=countMustBePositiveAndNotOverflow");
        }
        RuntimeException failure = commit(List.of(new ProducerIdsRecord().setBrokerId(config.nodeId())
                .setBrokerEpoch(-1L).setNextProducerId(first + count)));
        if (failure != null) {
            throw failure;
        }
        return first;
    }

    private <R> R execute(Plan<R> plan, boolean validateOnly) {
        if (!validateOnly && !plan.records().isEmpty()) {
            RuntimeException failure = commit(plan.records());
            if (failure != null) {
                plan.onCommitFailure().accept(ApiError.from(failure));
            }
        }
        return plan.response();
    }

    /** Appends, applies, publishes and notifies; returns the failure of the append, or null. */
    private RuntimeException commit(List<Message> records) {
        MetadataImage previous = image;
        MetadataDelta delta = new MetadataDelta(previous);
        long lastOffset;
        try {
            records.forEach(delta::replay);
            lastOffset = log.append(records);
        } catch (RuntimeException e) {
            return e;
        }
        MetadataImage next = delta.apply(lastOffset);
        image = next;
        for (MetadataListener listener : listeners) {
            try {
                listener.onImage(previous, next);
            } catch (RuntimeException e) {
                listenerFailures.add(e);
            }
        }
        return null;
    }

    private static Uuid newTopicId(MetadataImage image) {
        Uuid id = Uuid.randomUuid();
        while (image.topic(id) != null || Uuid.ZERO_UUID.equals(id) || Uuid.METADATA_TOPIC_ID.equals(id)) {
            id = Uuid.randomUuid();
        }
        return id;
    }
}
