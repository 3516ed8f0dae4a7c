package dev.millrace.protocol.error;

import dev.millrace.common.errors.ApiException;
import dev.millrace.common.errors.BrokerIdNotRegisteredException;
import dev.millrace.common.errors.BrokerNotAvailableException;
import dev.millrace.common.errors.ClusterAuthorizationException;
import dev.millrace.common.errors.ConcurrentTransactionsException;
import dev.millrace.common.errors.ControllerMovedException;
import dev.millrace.common.errors.CoordinatorLoadInProgressException;
import dev.millrace.common.errors.CoordinatorNotAvailableException;
import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.DelegationTokenAuthorizationException;
import dev.millrace.common.errors.DelegationTokenDisabledException;
import dev.millrace.common.errors.DelegationTokenExpiredException;
import dev.millrace.common.errors.DelegationTokenNotFoundException;
import dev.millrace.common.errors.DelegationTokenOwnerMismatchException;
import dev.millrace.common.errors.DuplicateBrokerRegistrationException;
import dev.millrace.common.errors.DuplicateResourceException;
import dev.millrace.common.errors.DuplicateSequenceException;
import dev.millrace.common.errors.DuplicateVoterException;
import dev.millrace.common.errors.ElectionNotNeededException;
import dev.millrace.common.errors.EligibleLeadersNotAvailableException;
import dev.millrace.common.errors.FeatureUpdateFailedException;
import dev.millrace.common.errors.FencedInstanceIdException;
import dev.millrace.common.errors.FencedLeaderEpochException;
import dev.millrace.common.errors.FencedMemberEpochException;
import dev.millrace.common.errors.FencedStateEpochException;
import dev.millrace.common.errors.FetchSessionIdNotFoundException;
import dev.millrace.common.errors.FetchSessionTopicIdException;
import dev.millrace.common.errors.GroupAuthorizationException;
import dev.millrace.common.errors.GroupIdNotFoundException;
import dev.millrace.common.errors.GroupMaxSizeReachedException;
import dev.millrace.common.errors.GroupNotEmptyException;
import dev.millrace.common.errors.GroupSubscribedToTopicException;
import dev.millrace.common.errors.IllegalGenerationException;
import dev.millrace.common.errors.IllegalSaslStateException;
import dev.millrace.common.errors.InconsistentClusterIdException;
import dev.millrace.common.errors.InconsistentGroupProtocolException;
import dev.millrace.common.errors.InconsistentTopicIdException;
import dev.millrace.common.errors.InconsistentVoterSetException;
import dev.millrace.common.errors.IneligibleReplicaException;
import dev.millrace.common.errors.InvalidCommitOffsetSizeException;
import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.common.errors.InvalidFetchSessionEpochException;
import dev.millrace.common.errors.InvalidFetchSizeException;
import dev.millrace.common.errors.InvalidGroupIdException;
import dev.millrace.common.errors.InvalidPartitionsException;
import dev.millrace.common.errors.InvalidPidMappingException;
import dev.millrace.common.errors.InvalidPrincipalTypeException;
import dev.millrace.common.errors.InvalidProducerEpochException;
import dev.millrace.common.errors.InvalidRecordException;
import dev.millrace.common.errors.InvalidRecordStateException;
import dev.millrace.common.errors.InvalidRegistrationException;
import dev.millrace.common.errors.InvalidRegularExpression;
import dev.millrace.common.errors.InvalidReplicaAssignmentException;
import dev.millrace.common.errors.InvalidReplicationFactorException;
import dev.millrace.common.errors.InvalidRequestException;
import dev.millrace.common.errors.InvalidRequiredAcksException;
import dev.millrace.common.errors.InvalidSessionTimeoutException;
import dev.millrace.common.errors.InvalidShareSessionEpochException;
import dev.millrace.common.errors.InvalidTimestampException;
import dev.millrace.common.errors.InvalidTopicException;
import dev.millrace.common.errors.InvalidTxnStateException;
import dev.millrace.common.errors.InvalidTxnTimeoutException;
import dev.millrace.common.errors.InvalidUpdateVersionException;
import dev.millrace.common.errors.InvalidVoterKeyException;
import dev.millrace.common.errors.LeaderNotAvailableException;
import dev.millrace.common.errors.ListenerNotFoundException;
import dev.millrace.common.errors.LogDirNotFoundException;
import dev.millrace.common.errors.MemberIdRequiredException;
import dev.millrace.common.errors.MillraceStorageException;
import dev.millrace.common.errors.MismatchedEndpointTypeException;
import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.errors.NewLeaderElectedException;
import dev.millrace.common.errors.NoReassignmentInProgressException;
import dev.millrace.common.errors.NotControllerException;
import dev.millrace.common.errors.NotCoordinatorException;
import dev.millrace.common.errors.NotEnoughReplicasAfterAppendException;
import dev.millrace.common.errors.NotEnoughReplicasException;
import dev.millrace.common.errors.NotLeaderOrFollowerException;
import dev.millrace.common.errors.OffsetMetadataTooLarge;
import dev.millrace.common.errors.OffsetMovedToTieredStorageException;
import dev.millrace.common.errors.OffsetNotAvailableException;
import dev.millrace.common.errors.OffsetOutOfRangeException;
import dev.millrace.common.errors.OperationNotAttemptedException;
import dev.millrace.common.errors.OutOfOrderSequenceException;
import dev.millrace.common.errors.PolicyViolationException;
import dev.millrace.common.errors.PositionOutOfRangeException;
import dev.millrace.common.errors.PreferredLeaderNotAvailableException;
import dev.millrace.common.errors.PrincipalDeserializationException;
import dev.millrace.common.errors.ProducerFencedException;
import dev.millrace.common.errors.ReassignmentInProgressException;
import dev.millrace.common.errors.RebalanceInProgressException;
import dev.millrace.common.errors.RebootstrapRequiredException;
import dev.millrace.common.errors.RecordBatchTooLargeException;
import dev.millrace.common.errors.RecordTooLargeException;
import dev.millrace.common.errors.ReplicaNotAvailableException;
import dev.millrace.common.errors.ResourceNotFoundException;
import dev.millrace.common.errors.RetriableException;
import dev.millrace.common.errors.SaslAuthenticationException;
import dev.millrace.common.errors.SecurityDisabledException;
import dev.millrace.common.errors.ShareSessionLimitReachedException;
import dev.millrace.common.errors.ShareSessionNotFoundException;
import dev.millrace.common.errors.SnapshotNotFoundException;
import dev.millrace.common.errors.StaleBrokerEpochException;
import dev.millrace.common.errors.StaleMemberEpochException;
import dev.millrace.common.errors.StreamsInvalidTopologyEpochException;
import dev.millrace.common.errors.StreamsInvalidTopologyException;
import dev.millrace.common.errors.StreamsTopologyFencedException;
import dev.millrace.common.errors.TelemetryTooLargeException;
import dev.millrace.common.errors.ThrottlingQuotaExceededException;
import dev.millrace.common.errors.TimeoutException;
import dev.millrace.common.errors.TopicAuthorizationException;
import dev.millrace.common.errors.TopicDeletionDisabledException;
import dev.millrace.common.errors.TopicExistsException;
import dev.millrace.common.errors.TransactionAbortableException;
import dev.millrace.common.errors.TransactionCoordinatorFencedException;
import dev.millrace.common.errors.TransactionalIdAuthorizationException;
import dev.millrace.common.errors.TransactionalIdNotFoundException;
import dev.millrace.common.errors.UnacceptableCredentialException;
import dev.millrace.common.errors.UnknownControllerIdException;
import dev.millrace.common.errors.UnknownLeaderEpochException;
import dev.millrace.common.errors.UnknownMemberIdException;
import dev.millrace.common.errors.UnknownProducerIdException;
import dev.millrace.common.errors.UnknownServerException;
import dev.millrace.common.errors.UnknownSubscriptionIdException;
import dev.millrace.common.errors.UnknownTopicIdException;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.common.errors.UnreleasedInstanceIdException;
import dev.millrace.common.errors.UnstableOffsetCommitException;
import dev.millrace.common.errors.UnsupportedAssignorException;
import dev.millrace.common.errors.UnsupportedByAuthenticationException;
import dev.millrace.common.errors.UnsupportedCompressionTypeException;
import dev.millrace.common.errors.UnsupportedEndpointTypeException;
import dev.millrace.common.errors.UnsupportedForMessageFormatException;
import dev.millrace.common.errors.UnsupportedSaslMechanismException;
import dev.millrace.common.errors.UnsupportedVersionException;
import dev.millrace.common.errors.VoterNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Every error code of the Kafka wire protocol (as of Kafka 4.3.1), with the exception class it maps
 * to, whether a client may retry after it, and a default message. Constant names and codes are
 * Kafka's ({@code org.apache.kafka.common.protocol.Errors}); exception classes follow the porting
 * rule ({@code KafkaStorageException} becomes {@code MillraceStorageException}).
 *
 * <p>This enum is the only place that maps wire codes to exception types and retriability: request
 * handlers return codes, clients turn received codes into exceptions here, and no stack trace ever
 * crosses the wire. A code travels as a signed 16-bit big-endian integer in a response (top level,
 * per topic or per partition, depending on the API):
 * <pre>
 *  byte:  0        1
 *        +--------+--------+
 *        | error code INT16|   0 = NONE (success), -1 = UNKNOWN_SERVER_ERROR, 1..133 = specific errors
 *        +--------+--------+
 * </pre>
 *
 * <p>Guarantees: {@link #forCode(short)} and {@link #forException(Throwable)} are total (anything
 * unknown maps to {@link #UNKNOWN_SERVER_ERROR}, as in Kafka); {@code forCode(e.code()) == e} and,
 * for every constant except {@link #NONE}, {@code forException(e.exception()) == e}. An exception
 * counts as retriable exactly when its class extends
 * {@link dev.millrace.common.errors.RetriableException}. Lookups use an array (by code) and a
 * per-class cache (by exception type); exceptions are built through constructor references, never by
 * reflection. Immutable and thread-safe.
 */
public enum ErrorCode {
    UNKNOWN_SERVER_ERROR(-1, UnknownServerException::new,
            "The server failed with an error it could not classify under any specific code."),
    NONE(0, null, "The request succeeded."),
    OFFSET_OUT_OF_RANGE(1, OffsetOutOfRangeException::new,
            "The requested offset lies outside the range of offsets the partition currently holds."),
    CORRUPT_MESSAGE(2, CorruptRecordException::new,
            "A record batch failed its integrity checks: CRC mismatch, an impossible size, or truncated bytes."),
    UNKNOWN_TOPIC_OR_PARTITION(3, UnknownTopicOrPartitionException::new,
            "The server hosts no such topic or partition."),
    INVALID_FETCH_SIZE(4, InvalidFetchSizeException::new, "The requested fetch size is not acceptable."),
    LEADER_NOT_AVAILABLE(5, LeaderNotAvailableException::new,
            "The partition has no leader right now, typically during an election or right after creation."),
    NOT_LEADER_OR_FOLLOWER(6, NotLeaderOrFollowerException::new,
            "The broker that received the request is neither the leader nor a follower of the partition."),
    REQUEST_TIMED_OUT(7, TimeoutException::new, "The request did not complete within its deadline."),
    BROKER_NOT_AVAILABLE(8, BrokerNotAvailableException::new, "The addressed broker is not available."),
    REPLICA_NOT_AVAILABLE(9, ReplicaNotAvailableException::new,
            "The replica is not available for the requested partition."),
    MESSAGE_TOO_LARGE(10, RecordTooLargeException::new,
            "The record or batch exceeds the largest size the server accepts."),
    STALE_CONTROLLER_EPOCH(11, ControllerMovedException::new,
            "The controller epoch in the request is older than the current one."),
    OFFSET_METADATA_TOO_LARGE(12, OffsetMetadataTooLarge::new,
            "The metadata string attached to a committed offset is longer than the server allows."),
    NETWORK_EXCEPTION(13, NetworkException::new, "The connection to the server failed before a response arrived."),
    COORDINATOR_LOAD_IN_PROGRESS(14, CoordinatorLoadInProgressException::new,
            "The coordinator is still loading its state and cannot serve the request yet."),
    COORDINATOR_NOT_AVAILABLE(15, CoordinatorNotAvailableException::new,
            "No coordinator is available for the group or transactional id."),
    NOT_COORDINATOR(16, NotCoordinatorException::new,
            "The broker that received the request is not the coordinator for the group or transactional id."),
    INVALID_TOPIC_EXCEPTION(17, InvalidTopicException::new,
            "The request names a topic that is invalid or that clients may not write to."),
    RECORD_LIST_TOO_LARGE(18, RecordBatchTooLargeException::new,
            "The produce request carries a batch larger than the configured segment size."),
    NOT_ENOUGH_REPLICAS(19, NotEnoughReplicasException::new,
            "Fewer in-sync replicas exist than the topic's min.insync.replicas, so the write was refused."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, NotEnoughReplicasAfterAppendException::new,
            "The write was appended on the leader but fewer than min.insync.replicas acknowledged it."),
    INVALID_REQUIRED_ACKS(21, InvalidRequiredAcksException::new,
            "The produce request's required acks value is not -1, 0 or 1."),
    ILLEGAL_GENERATION(22, IllegalGenerationException::new,
            "The generation id in the request is not the group's current generation."),
    INCONSISTENT_GROUP_PROTOCOL(23, InconsistentGroupProtocolException::new,
            "The member's supported protocols do not match those of the group, or its protocol type differs."),
    INVALID_GROUP_ID(24, InvalidGroupIdException::new, "The group id is empty or otherwise not valid."),
    UNKNOWN_MEMBER_ID(25, UnknownMemberIdException::new, "The member id is not known to the group coordinator."),
    INVALID_SESSION_TIMEOUT(26, InvalidSessionTimeoutException::new,
            "The requested session timeout is outside the range the broker allows."),
    REBALANCE_IN_PROGRESS(27, RebalanceInProgressException::new,
            "The group is rebalancing, so the member has to rejoin."),
    INVALID_COMMIT_OFFSET_SIZE(28, InvalidCommitOffsetSizeException::new,
            "The size of the committed offset data is not valid."),
    TOPIC_AUTHORIZATION_FAILED(29, TopicAuthorizationException::new,
            "The principal is not authorized to access the topic."),
    GROUP_AUTHORIZATION_FAILED(30, GroupAuthorizationException::new,
            "The principal is not authorized to access the group."),
    CLUSTER_AUTHORIZATION_FAILED(31, ClusterAuthorizationException::new,
            "The principal is not authorized for this cluster-level operation."),
    INVALID_TIMESTAMP(32, InvalidTimestampException::new, "A record timestamp is outside the range the topic accepts."),
    UNSUPPORTED_SASL_MECHANISM(33, UnsupportedSaslMechanismException::new,
            "The server does not enable the requested SASL mechanism."),
    ILLEGAL_SASL_STATE(34, IllegalSaslStateException::new,
            "The SASL request is not valid in the current state of the authentication exchange."),
    UNSUPPORTED_VERSION(35, UnsupportedVersionException::new, "The peer does not support the requested API version."),
    TOPIC_ALREADY_EXISTS(36, TopicExistsException::new, "A topic with this name already exists."),
    INVALID_PARTITIONS(37, InvalidPartitionsException::new, "The requested number of partitions is not valid."),
    INVALID_REPLICATION_FACTOR(38, InvalidReplicationFactorException::new,
            "The requested replication factor is not valid."),
    INVALID_REPLICA_ASSIGNMENT(39, InvalidReplicaAssignmentException::new,
            "The requested replica assignment is not valid."),
    INVALID_CONFIG(40, InvalidConfigurationException::new, "A configuration value in the request is not valid."),
    NOT_CONTROLLER(41, NotControllerException::new,
            "The broker that received the request is not the active controller."),
    INVALID_REQUEST(42, InvalidRequestException::new,
            "The request is malformed or breaks a protocol rule, for example an API sent before authentication."),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, UnsupportedForMessageFormatException::new,
            "The message format version on the broker does not support the request."),
    POLICY_VIOLATION(44, PolicyViolationException::new, "The request was refused by a server-side policy."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, OutOfOrderSequenceException::new,
            "The broker received a producer sequence number out of order."),
    DUPLICATE_SEQUENCE_NUMBER(46, DuplicateSequenceException::new,
            "The broker received a producer sequence number it has already accepted."),
    INVALID_PRODUCER_EPOCH(47, InvalidProducerEpochException::new,
            "The producer epoch is older than the one the broker knows for this producer id."),
    INVALID_TXN_STATE(48, InvalidTxnStateException::new,
            "The operation is not allowed in the current state of the transaction."),
    INVALID_PRODUCER_ID_MAPPING(49, InvalidPidMappingException::new,
            "The producer id is not the one currently mapped to the transactional id."),
    INVALID_TRANSACTION_TIMEOUT(50, InvalidTxnTimeoutException::new,
            "The transaction timeout exceeds transaction.max.timeout.ms on the broker."),
    CONCURRENT_TRANSACTIONS(51, ConcurrentTransactionsException::new,
            "Another transaction operation on the same transactional id is still in progress."),
    TRANSACTION_COORDINATOR_FENCED(52, TransactionCoordinatorFencedException::new,
            "The transaction coordinator that sent the request has been replaced by a newer one."),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, TransactionalIdAuthorizationException::new,
            "The principal is not authorized to use the transactional id."),
    SECURITY_DISABLED(54, SecurityDisabledException::new, "Security features are disabled on the broker."),
    OPERATION_NOT_ATTEMPTED(55, OperationNotAttemptedException::new,
            "The broker did not attempt this operation because another part of the batch failed."),
    KAFKA_STORAGE_ERROR(56, MillraceStorageException::new,
            "A disk holding the partition's log directory failed on the broker."),
    LOG_DIR_NOT_FOUND(57, LogDirNotFoundException::new, "The requested log directory is not known to the broker."),
    SASL_AUTHENTICATION_FAILED(58, SaslAuthenticationException::new, "SASL authentication failed."),
    UNKNOWN_PRODUCER_ID(59, UnknownProducerIdException::new,
            "The broker holds no state for this producer id, typically because its records were deleted."),
    REASSIGNMENT_IN_PROGRESS(60, ReassignmentInProgressException::new, "A partition reassignment is in progress."),
    DELEGATION_TOKEN_AUTH_DISABLED(61, DelegationTokenDisabledException::new,
            "Delegation tokens are disabled on the broker."),
    DELEGATION_TOKEN_NOT_FOUND(62, DelegationTokenNotFoundException::new, "The delegation token does not exist."),
    DELEGATION_TOKEN_OWNER_MISMATCH(63, DelegationTokenOwnerMismatchException::new,
            "The principal is not the owner or a renewer of the delegation token."),
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED(64, UnsupportedByAuthenticationException::new,
            "Delegation token requests are not allowed on this connection's authentication method."),
    DELEGATION_TOKEN_AUTHORIZATION_FAILED(65, DelegationTokenAuthorizationException::new,
            "The principal is not authorized for the delegation token request."),
    DELEGATION_TOKEN_EXPIRED(66, DelegationTokenExpiredException::new, "The delegation token has expired."),
    INVALID_PRINCIPAL_TYPE(67, InvalidPrincipalTypeException::new, "The principal type is not supported."),
    NON_EMPTY_GROUP(68, GroupNotEmptyException::new,
            "The group still has members or offsets, so it cannot be deleted."),
    GROUP_ID_NOT_FOUND(69, GroupIdNotFoundException::new, "The group id does not exist."),
    FETCH_SESSION_ID_NOT_FOUND(70, FetchSessionIdNotFoundException::new,
            "The fetch session id is not known to the broker."),
    INVALID_FETCH_SESSION_EPOCH(71, InvalidFetchSessionEpochException::new,
            "The fetch session epoch does not match the broker's."),
    LISTENER_NOT_FOUND(72, ListenerNotFoundException::new,
            "The leader has no endpoint for the listener the request arrived on."),
    TOPIC_DELETION_DISABLED(73, TopicDeletionDisabledException::new, "Topic deletion is disabled on the server."),
    FENCED_LEADER_EPOCH(74, FencedLeaderEpochException::new,
            "The leader epoch in the request is older than the broker's."),
    UNKNOWN_LEADER_EPOCH(75, UnknownLeaderEpochException::new,
            "The leader epoch in the request is newer than the broker's."),
    UNSUPPORTED_COMPRESSION_TYPE(76, UnsupportedCompressionTypeException::new,
            "The consumer cannot read the compression type the requested records use."),
    STALE_BROKER_EPOCH(77, StaleBrokerEpochException::new, "The broker epoch has been superseded by a newer one."),
    OFFSET_NOT_AVAILABLE(78, OffsetNotAvailableException::new,
            "The new leader's high watermark has not caught up since the election; the offset is not available yet."),
    MEMBER_ID_REQUIRED(79, MemberIdRequiredException::new,
            "The group requires a member id: the member has to rejoin with the id it was given."),
    PREFERRED_LEADER_NOT_AVAILABLE(80, PreferredLeaderNotAvailableException::new,
            "The preferred leader was not available."),
    GROUP_MAX_SIZE_REACHED(81, GroupMaxSizeReachedException::new,
            "The group already has the maximum number of members."),
    FENCED_INSTANCE_ID(82, FencedInstanceIdException::new,
            "Another member with the same group.instance.id has fenced this one."),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(83, EligibleLeadersNotAvailableException::new,
            "No replica eligible to lead the partition was available."),
    ELECTION_NOT_NEEDED(84, ElectionNotNeededException::new,
            "The partition needs no leader election, for example because the preferred replica already leads."),
    NO_REASSIGNMENT_IN_PROGRESS(85, NoReassignmentInProgressException::new,
            "No partition reassignment is in progress."),
    GROUP_SUBSCRIBED_TO_TOPIC(86, GroupSubscribedToTopicException::new,
            "The group is still subscribed to the topic, so its offsets cannot be deleted."),
    INVALID_RECORD(87, InvalidRecordException::new, "A record failed validation and the whole batch was rejected."),
    UNSTABLE_OFFSET_COMMIT(88, UnstableOffsetCommitException::new,
            "The partition has pending transactional offsets, so committed offsets are not stable yet."),
    THROTTLING_QUOTA_EXCEEDED(89, ThrottlingQuotaExceededException::new,
            "The request exceeded a throttling quota and was rejected."),
    PRODUCER_FENCED(90, ProducerFencedException::new,
            "A newer producer with the same transactional id has fenced this one."),
    RESOURCE_NOT_FOUND(91, ResourceNotFoundException::new, "The requested resource does not exist."),
    DUPLICATE_RESOURCE(92, DuplicateResourceException::new, "The resource already exists."),
    UNACCEPTABLE_CREDENTIAL(93, UnacceptableCredentialException::new,
            "The requested credential does not meet the server's criteria."),
    INCONSISTENT_VOTER_SET(94, InconsistentVoterSetException::new,
            "The voter set in the request does not match the quorum's."),
    INVALID_UPDATE_VERSION(95, InvalidUpdateVersionException::new,
            "The requested feature update version is not valid."),
    FEATURE_UPDATE_FAILED(96, FeatureUpdateFailedException::new,
            "The feature update could not be applied on the controller."),
    PRINCIPAL_DESERIALIZATION_FAILURE(97, PrincipalDeserializationException::new,
            "The principal in the forwarded request could not be deserialized."),
    SNAPSHOT_NOT_FOUND(98, SnapshotNotFoundException::new, "The requested snapshot does not exist."),
    POSITION_OUT_OF_RANGE(99, PositionOutOfRangeException::new, "The requested position is not within the snapshot."),
    UNKNOWN_TOPIC_ID(100, UnknownTopicIdException::new, "The topic id is not known to the server."),
    DUPLICATE_BROKER_REGISTRATION(101, DuplicateBrokerRegistrationException::new,
            "A broker with this id is already registered."),
    BROKER_ID_NOT_REGISTERED(102, BrokerIdNotRegisteredException::new, "The broker id is not registered."),
    INCONSISTENT_TOPIC_ID(103, InconsistentTopicIdException::new,
            "The topic id in the request does not match the topic id in the log."),
    INCONSISTENT_CLUSTER_ID(104, InconsistentClusterIdException::new,
            "The cluster id in the request does not match the broker's."),
    TRANSACTIONAL_ID_NOT_FOUND(105, TransactionalIdNotFoundException::new, "The transactional id does not exist."),
    FETCH_SESSION_TOPIC_ID_ERROR(106, FetchSessionTopicIdException::new,
            "The fetch session changed its topic ids between requests."),
    INELIGIBLE_REPLICA(107, IneligibleReplicaException::new,
            "The new ISR contains at least one replica that is not eligible."),
    NEW_LEADER_ELECTED(108, NewLeaderElectedException::new,
            "The AlterPartition request succeeded but a new leader was elected for the partition."),
    OFFSET_MOVED_TO_TIERED_STORAGE(109, OffsetMovedToTieredStorageException::new,
            "The requested offset has been moved to tiered storage."),
    FENCED_MEMBER_EPOCH(110, FencedMemberEpochException::new,
            "The member epoch is fenced by the group coordinator; the member has to rejoin."),
    UNRELEASED_INSTANCE_ID(111, UnreleasedInstanceIdException::new,
            "The instance id is still used by another member of the consumer group."),
    UNSUPPORTED_ASSIGNOR(112, UnsupportedAssignorException::new,
            "The assignor or its version range is not supported by the consumer group."),
    STALE_MEMBER_EPOCH(113, StaleMemberEpochException::new,
            "The member epoch is stale; the member retries once a heartbeat has given it the current epoch."),
    MISMATCHED_ENDPOINT_TYPE(114, MismatchedEndpointTypeException::new,
            "The request used an endpoint type that does not match the endpoint it was sent to."),
    UNSUPPORTED_ENDPOINT_TYPE(115, UnsupportedEndpointTypeException::new,
            "The endpoint type of the request is not supported."),
    UNKNOWN_CONTROLLER_ID(116, UnknownControllerIdException::new, "The controller id is not known to the quorum."),
    UNKNOWN_SUBSCRIPTION_ID(117, UnknownSubscriptionIdException::new,
            "The client metrics subscription id is not valid or has changed."),
    TELEMETRY_TOO_LARGE(118, TelemetryTooLargeException::new,
            "The client telemetry payload is larger than the broker allows."),
    INVALID_REGISTRATION(119, InvalidRegistrationException::new, "The controller rejected the broker registration."),
    TRANSACTION_ABORTABLE(120, TransactionAbortableException::new,
            "The server hit an error that requires the client to abort the transaction."),
    INVALID_RECORD_STATE(121, InvalidRecordStateException::new,
            "The record is not in a state that allows the acknowledgement, so its delivery could not be acknowledged."),
    SHARE_SESSION_NOT_FOUND(122, ShareSessionNotFoundException::new, "The share session is not known to the broker."),
    INVALID_SHARE_SESSION_EPOCH(123, InvalidShareSessionEpochException::new, "The share session epoch is not valid."),
    FENCED_STATE_EPOCH(124, FencedStateEpochException::new, "The share coordinator state epoch is fenced."),
    INVALID_VOTER_KEY(125, InvalidVoterKeyException::new, "The voter key does not match the receiving replica's key."),
    DUPLICATE_VOTER(126, DuplicateVoterException::new, "The voter is already part of the voter set."),
    VOTER_NOT_FOUND(127, VoterNotFoundException::new, "The voter is not part of the voter set."),
    INVALID_REGULAR_EXPRESSION(128, InvalidRegularExpression::new,
            "The regular expression in the subscription is not valid."),
    REBOOTSTRAP_REQUIRED(129, RebootstrapRequiredException::new,
            "The client has to rebootstrap to obtain fresh cluster metadata."),
    STREAMS_INVALID_TOPOLOGY(130, StreamsInvalidTopologyException::new, "The supplied streams topology is not valid."),
    STREAMS_INVALID_TOPOLOGY_EPOCH(131, StreamsInvalidTopologyEpochException::new,
            "The streams topology epoch is not valid."),
    STREAMS_TOPOLOGY_FENCED(132, StreamsTopologyFencedException::new,
            "The supplied streams topology epoch does not match the group's current one."),
    SHARE_SESSION_LIMIT_REACHED(133, ShareSessionLimitReachedException::new,
            "The share session cache is full, so no new share session can be created.");

    private static final int MIN_CODE = -1;
    private static final ErrorCode[] BY_CODE = indexByCode();
    private static final Map<Class<?>, ErrorCode> BY_EXCEPTION_CLASS = indexByExceptionClass();
    private static final ClassValue<ErrorCode> BY_THROWABLE_TYPE = new ClassValue<>() {
        @Override
        protected ErrorCode computeValue(Class<?> type) {
            for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
                ErrorCode mapped = BY_EXCEPTION_CLASS.get(candidate);
                if (mapped != null) {
                    return mapped;
                }
            }
            return UNKNOWN_SERVER_ERROR;
        }
    };

    private final short code;
    private final Function<String, ApiException> factory;
    private final Class<? extends ApiException> exceptionClass;
    private final boolean retriable;
    private final String defaultMessage;

    ErrorCode(int code, Function<String, ApiException> factory, String defaultMessage) {
        this.code = (short) code;
        this.factory = factory;
        this.defaultMessage = defaultMessage;
        // One sample per constant, built once at class initialization, tells the class and retriability,
        // so neither can disagree with what exception() builds.
        ApiException sample = factory == null ? null : factory.apply(defaultMessage);
        this.exceptionClass = sample == null ? null : sample.getClass();
        this.retriable = sample instanceof RetriableException;
    }

    /** Returns the code as it appears on the wire. */
    public short code() {
        return code;
    }

    /**
     * Tells whether a client may send the same request again after this error, possibly after
     * refreshing its metadata; true exactly when {@link #exceptionClass()} extends
     * {@link RetriableException}.
     */
    public boolean isRetriable() {
        return retriable;
    }

    /** Returns the exception class this code maps to, or null for {@link #NONE}. */
    public Class<? extends ApiException> exceptionClass() {
        return exceptionClass;
    }

    /** Returns a sentence saying what the error means, used when no specific message is given. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /**
     * Builds a new exception for this code carrying {@link #defaultMessage()}.
     *
     * @return the exception, or null for {@link #NONE}
     */
    public ApiException exception() {
        return exception(null);
    }

    /**
     * Builds a new exception for this code carrying the given message (for example the error message
     * field of a response).
     *
     * @param message the message, or null to use {@link #defaultMessage()}
     * @return the exception, or null for {@link #NONE}
     */
    public ApiException exception(String message) {
        if (factory == null) {
            return null;
        }
        return factory.apply(message == null ? defaultMessage : message);
    }

    /**
     * Returns the constant for a wire code; a code this enum does not know (for example one added by
     * a newer broker) gives {@link #UNKNOWN_SERVER_ERROR}.
     *
     * @param code the code read from a response
     * @return the matching constant, never null
     */
    public static ErrorCode forCode(short code) {
        int index = code - MIN_CODE;
        if (index >= 0 && index < BY_CODE.length && BY_CODE[index] != null) {
            return BY_CODE[index];
        }
        return UNKNOWN_SERVER_ERROR;
    }

    /**
     * Returns the code to send for a failure: the constant mapped to the failure's class or to its
     * nearest mapped superclass, or {@link #UNKNOWN_SERVER_ERROR} when none is mapped (for example a
     * {@link NullPointerException}). A {@link CompletionException} or {@link ExecutionException} with a
     * cause is judged by its cause, one level deep, as Kafka does. A null failure means success and
     * gives {@link #NONE}.
     *
     * @param failure the failure to report, or null
     * @return the matching constant, never null
     */
    public static ErrorCode forException(Throwable failure) {
        if (failure == null) {
            return NONE;
        }
        Throwable judged = failure;
        if ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            judged = failure.getCause();
        }
        return BY_THROWABLE_TYPE.get(judged.getClass());
    }

    private static ErrorCode[] indexByCode() {
        int maxCode = MIN_CODE;
        for (ErrorCode error : values()) {
            if (error.code < MIN_CODE) {
                throw new IllegalStateException("error=" + error + " code=" + error.code + " minCode=" + MIN_CODE);
            }
            maxCode = Math.max(maxCode, error.code);
        }
        ErrorCode[] byCode = new ErrorCode[maxCode - MIN_CODE + 1];
        for (ErrorCode error : values()) {
            ErrorCode previous = byCode[error.code - MIN_CODE];
            if (previous != null) {
                throw new IllegalStateException("code=" + error.code + " first=" + previous + " second=" + error);
            }
            byCode[error.code - MIN_CODE] = error;
        }
        return byCode;
    }

    private static Map<Class<?>, ErrorCode> indexByExceptionClass() {
        Map<Class<?>, ErrorCode> byClass = new HashMap<>();
        for (ErrorCode error : values()) {
            if (error.exceptionClass != null) {
                ErrorCode previous = byClass.putIfAbsent(error.exceptionClass, error);
                if (previous != null) {
                    throw new IllegalStateException("exceptionClass=" + error.exceptionClass.getName()
                            + " first=" + previous + " second=" + error);
                }
            }
        }
        return Map.copyOf(byClass);
    }
}
