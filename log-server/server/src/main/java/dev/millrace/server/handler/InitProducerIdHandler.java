package dev.millrace.server.handler;

import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.InitProducerIdRequestData;
import dev.millrace.protocol.message.InitProducerIdResponseData;
import dev.millrace.server.cluster.ControllerGateway;
import dev.millrace.server.network.Request;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * InitProducerId (API 22) for idempotent producers without a transactional id: every call gets a
 * fresh producer id with epoch 0 (as Kafka does for non-transactional producers, also when the
 * client asks to bump an existing id). Ids come from blocks of {@value #BLOCK_SIZE} reserved through
 * the controller, so they are unique across restarts. Transactional ids are refused until the
 * transaction coordinator exists (clients cannot reach this path: FindCoordinator is not advertised).
 *
 * <p>Thread-safety: the block state is guarded by this object's monitor; requests that arrive while
 * a block is being reserved wait in a queue and are answered in order when it arrives.
 */
public final class InitProducerIdHandler {
    static final int BLOCK_SIZE = 1000;

    private final ControllerGateway controller;
    private final Queue<Request> waiting = new ArrayDeque<>();
    private long next;
    private long end;
    private boolean reserving;

    public InitProducerIdHandler(ControllerGateway controller) {
        this.controller = controller;
    }

    public void handle(Request request) {
        InitProducerIdRequestData data = request.body(InitProducerIdRequestData.class);
        if (data.transactionalId() != null) {
            request.respond(new InitProducerIdResponseData().setErrorCode(ErrorCode.COORDINATOR_NOT_AVAILABLE.code())
                    .setProducerId(-1).setProducerEpoch((short) -1));
            return;
        }
        synchronized (this) {
            if (next < end && waiting.isEmpty()) {
                request.respond(granted(next++));
                return;
            }
            waiting.add(request);
            if (reserving) {
                return;
            }
            reserving = true;
        }
        controller.allocateProducerIds(BLOCK_SIZE).whenComplete(this::onBlock);
    }

    private void onBlock(Long first, Throwable failure) {
        while (true) {
            Request request;
            long id;
            synchronized (this) {
                if (failure == null && first != null && next >= end) {
                    next = first;
                    end = first + BLOCK_SIZE;
                }
                request = waiting.poll();
                if (request == null) {
                    reserving = false;
                    return;
                }
                if (failure != null || next >= end) {
                    id = -1;
                } else {
                    id = next++;
                }
            }
            if (id < 0) {
                request.respond(new InitProducerIdResponseData()
                        .setErrorCode(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS.code()).setProducerId(-1)
                        .setProducerEpoch((short) -1));
            } else {
                request.respond(granted(id));
            }
        }
    }

    private static InitProducerIdResponseData granted(long id) {
        return new InitProducerIdResponseData().setProducerId(id).setProducerEpoch((short) 0);
    }
}
