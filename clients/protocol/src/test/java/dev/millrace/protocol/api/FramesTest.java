package dev.millrace.protocol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsRequestData;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.MalformedMessageException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;

class FramesTest {
    private static RequestHeaderData header(short version) {
        return new RequestHeaderData().setRequestApiKey((short) 18).setRequestApiVersion(version)
                .setCorrelationId(42).setClientId("client-1");
    }

    @Test
    void shouldRoundTripRequestFrameAtEveryApiVersionsVersion() {
        for (short v = 0; v <= 4; v++) {
            ApiVersionsRequestData body = new ApiVersionsRequestData();
            if (v >= 3) {
                body.setClientSoftwareName("millrace").setClientSoftwareVersion("0.1.0");
            }
            ByteBuffer frame = Frames.writeRequest(header(v), body);
            int size = Frames.readFrameSize(frame, Frames.DEFAULT_MAX_FRAME_BYTES);
            assertThat(size).isEqualTo(frame.remaining());
            ParsedRequest parsed = Frames.readRequest(frame);
            assertThat(parsed.header()).isEqualTo(header(v));
            assertThat(parsed.api()).isEqualTo(ApiMessageType.API_VERSIONS);
            assertThat(parsed.body()).isEqualTo(body);
        }
    }

    @Test
    void shouldWriteHeadersThatKafkaParses() {
        ByteBuffer frame = Frames.writeRequest(header((short) 3), new ApiVersionsRequestData()
                .setClientSoftwareName("millrace").setClientSoftwareVersion("0.1.0"));
        frame.getInt();
        RequestHeader kafkaHeader = RequestHeader.parse(frame);
        assertThat(kafkaHeader.correlationId()).isEqualTo(42);
        assertThat(kafkaHeader.clientId()).isEqualTo("client-1");
        assertThat(kafkaHeader.apiVersion()).isEqualTo((short) 3);
        ApiVersionsRequest kafkaBody = ApiVersionsRequest.parse(
                new org.apache.kafka.common.protocol.ByteBufferAccessor(frame), (short) 3);
        assertThat(kafkaBody.data().clientSoftwareName()).isEqualTo("millrace");
    }

    @Test
    void shouldAnswerApiVersionsWithResponseHeaderV0EvenWhenFlexible() {
        ApiVersionsResponseData body = new ApiVersionsResponseData().setApiKeys(List.of(
                new ApiVersionsResponseData.ApiVersion().setApiKey((short) 18).setMinVersion((short) 0)
                        .setMaxVersion((short) 4)));
        ByteBuffer frame = Frames.writeResponse(7, ApiMessageType.API_VERSIONS, (short) 3, body);
        assertThat(frame.getInt()).isEqualTo(frame.remaining());
        assertThat(frame.getInt(4)).isEqualTo(7);
        // Header v0 is the correlation id alone: the body's error code follows at once.
        assertThat(frame.getShort(8)).isZero();
        Frames.ParsedResponse parsed = Frames.readResponse(frame, ApiMessageType.API_VERSIONS, (short) 3);
        assertThat(parsed.header().correlationId()).isEqualTo(7);
        assertThat(parsed.body()).isEqualTo(body);
    }

    @Test
    void shouldReadHeaderOfUnsupportedApiVersionsVersionButRejectItsBody() {
        ByteBuffer frame = Frames.writeRequest(header((short) 4), new ApiVersionsRequestData());
        frame.putShort(6, (short) 9);
        frame.getInt();
        RequestHeaderData parsedHeader = Frames.readRequestHeader(frame.duplicate());
        assertThat(parsedHeader.requestApiVersion()).isEqualTo((short) 9);
        assertThat(parsedHeader.correlationId()).isEqualTo(42);
        assertThatThrownBy(() -> Frames.readRequest(frame))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("api=ApiVersions").hasMessageContaining("version=9");
    }

    @Test
    void shouldRejectUnknownApiKey() {
        ByteBuffer frame = ByteBuffer.allocate(10).putShort((short) 999).putShort((short) 0).putInt(1)
                .putShort((short) -1).flip();
        assertThatThrownBy(() -> Frames.readRequest(frame))
                .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining("apiKey=999");
    }

    @Test
    void shouldRejectNegativeAndOversizedFrameSizes() {
        assertThatThrownBy(() -> Frames.readFrameSize(ByteBuffer.allocate(4).putInt(0, -5), 100))
                .isInstanceOf(FrameSizeException.class).hasMessageContaining("frameSize=-5");
        assertThatThrownBy(() -> Frames.readFrameSize(ByteBuffer.allocate(4).putInt(0, 101), 100))
                .isInstanceOf(FrameSizeException.class).hasMessageContaining("maxFrameBytes=100");
        assertThatThrownBy(() -> Frames.readFrameSize(ByteBuffer.allocate(2), 100))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("truncatedFramePrefix");
    }

    @Test
    void shouldRejectTrailingBytesAfterTheBody() {
        ByteBuffer valid = Frames.writeRequest(header((short) 1), new ApiVersionsRequestData());
        ByteBuffer padded = ByteBuffer.allocate(valid.remaining() + 3).put(valid).put(new byte[3]).flip();
        padded.getInt();
        assertThatThrownBy(() -> Frames.readRequest(padded))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("trailingBytes=3");
    }

    @Test
    void shouldRejectTruncatedRequestAtEveryLength() {
        ByteBuffer valid = Frames.writeRequest(header((short) 3), new ApiVersionsRequestData()
                .setClientSoftwareName("millrace").setClientSoftwareVersion("0.1.0"));
        valid.getInt();
        for (int length = 0; length < valid.remaining(); length++) {
            ByteBuffer truncated = valid.duplicate().limit(valid.position() + length);
            assertThatThrownBy(() -> Frames.readRequest(truncated)).as("length=" + length)
                    .isInstanceOf(MalformedMessageException.class);
        }
    }
}
