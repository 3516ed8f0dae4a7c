package dev.millrace.server;

import dev.millrace.metadata.Controller;
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
import dev.millrace.server.cluster.ControllerGateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the metadata {@link Controller} on its own thread, {@code metadata-controller}: every call
 * is queued and runs there in order, including the metadata listeners that open and delete
 * partition logs, so a future completes only after the change is committed and applied.
 */
final class ControllerThread implements ControllerGateway, AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "metadata-controller");
        t.setDaemon(false);
        return t;
    });
    private final Controller controller;

    ControllerThread(Controller controller) {
        this.controller = controller;
    }

    <T> CompletableFuture<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    @Override
    public CompletableFuture<CreateTopicsResponseData> createTopics(CreateTopicsRequestData request, short version) {
        return call(() -> controller.createTopics(request, version));
    }

    @Override
    public CompletableFuture<DeleteTopicsResponseData> deleteTopics(DeleteTopicsRequestData request, short version) {
        return call(() -> controller.deleteTopics(request, version));
    }

    @Override
    public CompletableFuture<CreatePartitionsResponseData> createPartitions(CreatePartitionsRequestData request,
                                                                            short version) {
        return call(() -> controller.createPartitions(request, version));
    }

    @Override
    public CompletableFuture<IncrementalAlterConfigsResponseData> incrementalAlterConfigs(
            IncrementalAlterConfigsRequestData request, short version) {
        return call(() -> controller.incrementalAlterConfigs(request, version));
    }

    @Override
    public CompletableFuture<AlterConfigsResponseData> alterConfigs(AlterConfigsRequestData request, short version) {
        return call(() -> controller.alterConfigs(request, version));
    }

    @Override
    public CompletableFuture<Long> allocateProducerIds(int count) {
        return call(() -> controller.allocateProducerIds(count));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
