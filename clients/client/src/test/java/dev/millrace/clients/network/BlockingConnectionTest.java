package dev.millrace.clients.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.errors.TimeoutException;
import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.protocol.api.Frames;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.ApiVersionsResponseData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.MetadataResponseData;
import dev.millrace.protocol.message.RequestHeaderData;
import dev.millrace.protocol.types.Readable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class BlockingConnectionTest {
    private static final ConnectionConfig CONFIG = new ConnectionConfig("test-client", 5_000, 5_000, 1 << 20);

    private static ApiVersionsResponseData.ApiVersion api(ApiMessageType type, int min, int max) {
        return new ApiVersionsResponseData.ApiVersion().setApiKey(type.apiKey()).setMinVersion((short) min)
                .setMaxVersion((short) max);
    }

    private static ApiVersionsResponseData table(int apiVersionsMax) {
        return new ApiVersionsResponseData().setApiKeys(List.of(api(ApiMessageType.API_VERSIONS, 0, apiVersionsMax),
                api(ApiMessageType.METADATA, 0, 12), api(ApiMessageType.PRODUCE, 3, 8)));
    }

    /** A broker that speaks ApiVersions up to {@code apiVersionsMax} and answers Metadata with one broker. */
    private static BiFunction<RequestHeaderData, ByteBuffer, ByteBuffer> broker(int apiVersionsMax,
                                                                                  int correlationShift) {
        return (header, body) -> {
            short version = header.requestApiVersion();
            int correlationId = header.correlationId() + correlationShift;
            if (header.requestApiKey() == ApiMessageType.API_VERSIONS.apiKey()) {
                if (version > apiVersionsMax) {
                    ApiVersionsResponseData error = table(apiVersionsMax)
                            .setErrorCode(ErrorCode.UNSUPPORTED_VERSION.code());
                    return Frames.writeResponse(correlationId, ApiMessageType.API_VERSIONS, (short) 0, error);
                }
                return Frames.writeResponse(correlationId, ApiMessageType.API_VERSIONS, version,
                        table(apiVersionsMax));
            }
            if (header.requestApiKey() == ApiMessageType.METADATA.apiKey()) {
                new MetadataRequestData(new Readable(body), version);
                MetadataResponseData response = new MetadataResponseData().setControllerId(7).setBrokers(List.of(
                        new MetadataResponseData.MetadataResponseBroker().setNodeId(7).setHost("h").setPort(1)));
                return Frames.writeResponse(correlationId, ApiMessageType.METADATA, version, response);
            }
            return null;
        };
    }

    @Test
    void shouldNegotiateTheHighestCommonVersionAndExchangeARequest() throws Exception {
        try (FakeBroker fake = new FakeBroker(broker(4, 0));
             BlockingConnection connection = BlockingConnection.open("127.0.0.1", fake.port(), CONFIG)) {
            assertThat(connection.version(ApiMessageType.METADATA)).isEqualTo((short) 12);
            assertThat(connection.version(ApiMessageType.PRODUCE)).isEqualTo((short) 8);
            MetadataResponseData response = connection.send(new MetadataRequestData(), MetadataResponseData.class);
            assertThat(response.controllerId()).isEqualTo(7);
            assertThat(response.brokers()).extracting(MetadataResponseData.MetadataResponseBroker::host)
                    .containsExactly("h");
            assertThat(fake.requests).extracting(RequestHeaderData::requestApiVersion)
                    .containsExactly((short) 3, (short) 12);
            assertThat(fake.requests.get(0).clientId()).isEqualTo("test-client");
        }
    }

    @Test
    void shouldFallBackToTheBrokersApiVersionsVersionAfterUnsupportedVersion() throws Exception {
        try (FakeBroker fake = new FakeBroker(broker(2, 0));
             BlockingConnection connection = BlockingConnection.open("127.0.0.1", fake.port(), CONFIG)) {
            assertThat(fake.requests).extracting(RequestHeaderData::requestApiVersion)
                    .containsExactly((short) 3, (short) 2);
            assertThat(connection.brokerVersions().get(ApiMessageType.API_VERSIONS.apiKey())).containsExactly(0, 2);
            assertThat(connection.version(ApiMessageType.METADATA)).isEqualTo((short) 12);
        }
    }

    @Test
    void shouldRejectAnApiTheBrokerDoesNotSupport() throws Exception {
        try (FakeBroker fake = new FakeBroker(broker(4, 0));
             BlockingConnection connection = BlockingConnection.open("127.0.0.1", fake.port(), CONFIG)) {
            assertThatThrownBy(() -> connection.version(ApiMessageType.FETCH))
                    .isInstanceOf(UnsupportedVersionException.class).hasMessageContaining("api=Fetch")
                    .hasMessageContaining("reason=brokerLacksApi");
        }
    }

    @Test
    void shouldCloseTheConnectionWhenTheCorrelationIdDoesNotMatch() throws Exception {
        try (FakeBroker fake = new FakeBroker(broker(4, 1))) {
            assertThatThrownBy(() -> BlockingConnection.open("127.0.0.1", fake.port(), CONFIG))
                    .isInstanceOf(NetworkException.class).hasMessageContaining("expectedCorrelationId=0")
                    .hasMessageContaining("receivedCorrelationId=1");
        }
    }

    @Test
    void shouldTimeOutAndCloseWhenTheBrokerDoesNotAnswer() throws Exception {
        BiFunction<RequestHeaderData, ByteBuffer, ByteBuffer> answersOnlyApiVersions = broker(4, 0);
        try (FakeBroker fake = new FakeBroker((header, body) ->
                header.requestApiKey() == ApiMessageType.METADATA.apiKey() ? null
                        : answersOnlyApiVersions.apply(header, body));
             BlockingConnection connection = BlockingConnection.open("127.0.0.1", fake.port(), CONFIG)) {
            assertThatThrownBy(() -> connection.send(new MetadataRequestData(), (short) 12,
                    MetadataResponseData.class, 200))
                    .isInstanceOf(TimeoutException.class).hasMessageContaining("timeoutMs=200");
            assertThat(connection.isClosed()).isTrue();
            assertThatThrownBy(() -> connection.send(new MetadataRequestData(), MetadataResponseData.class))
                    .isInstanceOf(NetworkException.class).hasMessageContaining("reason=connectionClosed");
        }
    }

    @Test
    void shouldReportARefusedConnectionWithHostAndPort() throws Exception {
        // A socket that is bound but never listens keeps the port reserved, so nobody else can take it
        // between closing and connecting (a closed listener's port may be reused by another test).
        try (java.net.Socket reserved = new java.net.Socket()) {
            reserved.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = reserved.getLocalPort();
            assertThatThrownBy(() -> BlockingConnection.open("127.0.0.1", port, CONFIG))
                    .isInstanceOf(NetworkException.class).hasMessageContaining("port=" + port)
                    .hasMessageContaining("reason=connectFailed");
        }
    }
}
