package dev.millrace.common.errors;

/**
 * The principal is not authorized to access a consumer group.
 *
 * <p>Wire error {@code GROUP_AUTHORIZATION_FAILED} (code 30). Not retriable. It may name the group;
 * that id is null when the exception was created without one, as in Kafka.
 */
public class GroupAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    private final String groupId;

    public GroupAuthorizationException(String message) {
        this(message, (String) null);
    }

    public GroupAuthorizationException(String message, Throwable cause) {
        super(message, cause);
        this.groupId = null;
    }

    /**
     * Creates the exception naming the group.
     *
     * @param message what happened, as {@code key=value} facts
     * @param groupId the group the principal may not access
     */
    public GroupAuthorizationException(String message, String groupId) {
        super(message);
        this.groupId = groupId;
    }

    /**
     * Creates the exception for a group, with a message naming it.
     *
     * @param groupId the group the principal may not access
     * @return the new exception
     */
    public static GroupAuthorizationException forGroupId(String groupId) {
        return new GroupAuthorizationException("notAuthorizedForGroup=" + groupId, groupId);
    }

    /** Returns the id of the group concerned, or null when none was given. */
    public String groupId() {
        return groupId;
    }
}
