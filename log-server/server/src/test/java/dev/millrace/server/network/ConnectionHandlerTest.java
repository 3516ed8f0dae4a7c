package dev.millrace.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsRequestData;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.MetadataResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.ApiMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionHandlerTest {
    private final List<Request> received = new ArrayList<>();

    private EmbeddedChannel channel(int maxConnections, AtomicInteger active) {
        return new EmbeddedChannel(new LengthFieldBasedFrameDecoder(1024 + 4, 0, 4, 0, 4, true),
                new ConnectionHandler(received::add, active, maxConnections, new AtomicLong()));
    }

    private static ByteBuf request(ApiMessageType api, short version, int correlationId, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(api.apiKey())
                .setRequestApiVersion(version).setCorrelationId(correlationId).setClientId("test");
        return Unpooled.wrappedBuffer(Frames.writeRequest(header, body));
    }

    private static int correlationIdOf(ByteBuf response) {
        ByteBuffer nio = response.nioBuffer();
        Frames.readFrameSize(nio, Integer.MAX_VALUE);
        return nio.getInt();
    }

    private static ByteBuf readResponse(EmbeddedChannel ch) {
        ByteBuf merged = Unpooled.buffer();
        Object piece;
        while ((piece = ch.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) piece;
            merged.writeBytes(buf);
            buf.release();
        }
        return merged;
    }

    @Test
    void shouldSendResponsesInRequestOrderWhateverOrderHandlersFinish() {
        EmbeddedChannel ch = channel(10, new AtomicInteger());
        for (int id = 1; id <= 3; id++) {
            ch.writeInbound(request(ApiMessageType.METADATA, (short) 12, id, new MetadataRequestData()));
        }
        assertThat(received).hasSize(3);
        received.get(2).respond(new MetadataResponseData());
        received.get(1).respond(new MetadataResponseData());
        ch.runPendingTasks();
        assertThat(ch.<Object>readOutbound()).as("nothing before the first response").isNull();
        received.get(0).respond(new MetadataResponseData());
        ch.runPendingTasks();
        ByteBuf all = readResponse(ch);
        List<Integer> ids = new ArrayList<>();
        while (all.isReadable()) {
            int size = all.getInt(all.readerIndex());
            ids.add(correlationIdOf(all.readSlice(4 + size)));
        }
        assertThat(ids).containsExactly(1, 2, 3);
    }

    @Test
    void shouldSkipRequestsThatGetNoResponse() {
        EmbeddedChannel ch = channel(10, new AtomicInteger());
        ch.writeInbound(request(ApiMessageType.METADATA, (short) 12, 7, new MetadataRequestData()));
        ch.writeInbound(request(ApiMessageType.METADATA, (short) 12, 8, new MetadataRequestData()));
        received.get(0).respondNothing();
        received.get(1).respond(new MetadataResponseData());
        ch.runPendingTasks();
        assertThat(correlationIdOf(readResponse(ch))).isEqualTo(8);
    }

    @Test
    void shouldAnswerUnknownApiVersionsVersionWithV0BodyAndErrorCode35() {
        EmbeddedChannel ch = channel(10, new AtomicInteger());
        ByteBuf frame = request(ApiMessageType.API_VERSIONS, (short) 4, 42, new ApiVersionsRequestData()
                .setClientSoftwareName("x").setClientSoftwareVersion("1"));
        frame.setShort(6, 9);
        ch.writeInbound(frame);
        ch.runPendingTasks();
        ByteBuffer out = readResponse(ch).nioBuffer();
        Frames.readFrameSize(out, Integer.MAX_VALUE);
        ApiVersionsResponseData body = (ApiVersionsResponseData) Frames.readResponse(out, ApiMessageType.API_VERSIONS,
                (short) 0).body();
        assertThat(body.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION.code());
        assertThat(body.apiKeys()).singleElement().satisfies(k -> {
            assertThat(k.apiKey()).isEqualTo(ApiMessageType.API_VERSIONS.apiKey());
            assertThat(k.maxVersion()).isEqualTo(ApiMessageType.API_VERSIONS.highestSupportedVersion());
        });
        assertThat(received).isEmpty();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void shouldCloseOnlyThisConnectionOnMalformedOrUnsupportedRequests() {
        EmbeddedChannel unsupported = channel(10, new AtomicInteger());
        ByteBuf frame = request(ApiMessageType.METADATA, (short) 12, 1, new MetadataRequestData());
        frame.setShort(6, 99);
        unsupported.writeInbound(frame);
        assertThat(unsupported.isOpen()).isFalse();

        EmbeddedChannel truncated = channel(10, new AtomicInteger());
        ByteBuf whole = request(ApiMessageType.METADATA, (short) 12, 1, new MetadataRequestData()
                .setTopics(List.of(new MetadataRequestData.MetadataRequestTopic().setName("abc"))));
        ByteBuf cut = Unpooled.buffer();
        cut.writeInt(whole.readableBytes() - 4 - 3);
        cut.writeBytes(whole, 4, whole.readableBytes() - 4 - 3);
        truncated.writeInbound(cut);
        assertThat(truncated.isOpen()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void shouldCloseConnectionWhenFrameExceedsMaxRequestBytes() {
        EmbeddedChannel ch = channel(10, new AtomicInteger());
        ByteBuf big = Unpooled.buffer();
        big.writeInt(4096);
        ch.writeInbound(big);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void shouldRefuseConnectionsBeyondMaxConnections() {
        AtomicInteger active = new AtomicInteger();
        EmbeddedChannel first = channel(1, active);
        EmbeddedChannel second = channel(1, active);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isFalse();
        second.close();
        assertThat(active.get()).isEqualTo(1);
        first.close();
        assertThat(active.get()).isZero();
    }
}
