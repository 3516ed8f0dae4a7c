package dev.millrace.serdes.avro.registry;

import dev.millrace.common.errors.MillraceException;

/**
 * A schema registry operation failed. Carries the HTTP status and the Confluent error code, so callers
 * of the in-process registry, of the HTTP client and of the REST service see the same two numbers:
 *
 * <table>
 *   <caption>Error codes</caption>
 *   <tr><th>HTTP</th><th>error code</th><th>meaning</th></tr>
 *   <tr><td>404</td><td>40401</td><td>subject not found</td></tr>
 *   <tr><td>404</td><td>40402</td><td>version not found</td></tr>
 *   <tr><td>404</td><td>40403</td><td>schema not found</td></tr>
 *   <tr><td>404</td><td>40404</td><td>subject was soft-deleted (use permanent=true)</td></tr>
 *   <tr><td>404</td><td>40405</td><td>subject must be soft-deleted before a permanent delete</td></tr>
 *   <tr><td>404</td><td>40406</td><td>version was soft-deleted (use permanent=true)</td></tr>
 *   <tr><td>404</td><td>40407</td><td>version must be soft-deleted before a permanent delete</td></tr>
 *   <tr><td>404</td><td>40408</td><td>subject has no subject-level compatibility</td></tr>
 *   <tr><td>409</td><td>409</td><td>schema incompatible with an earlier version</td></tr>
 *   <tr><td>422</td><td>42201</td><td>invalid schema</td></tr>
 *   <tr><td>422</td><td>42202</td><td>invalid version</td></tr>
 *   <tr><td>422</td><td>42203</td><td>invalid compatibility level</td></tr>
 *   <tr><td>500</td><td>50001</td><td>error in the backing store</td></tr>
 * </table>
 *
 * <p>Plain HTTP failures use the status as error code (400 malformed request body, 404 unknown path,
 * 405 method not allowed); a client that got no HTTP response at all reports status and code
 * {@value #NO_RESPONSE}. {@link #detail()} is the server's message; {@link #getMessage()} prefixes the
 * two numbers.
 */
public class SchemaRegistryException extends MillraceException {
    /** Status and code when no HTTP response was received. */
    public static final int NO_RESPONSE = 0;
    /** Subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Schema not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Subject soft-deleted; only a permanent delete may follow. */
    public static final int SUBJECT_SOFT_DELETED = 40404;
    /** A permanent subject delete requires a soft delete first. */
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    /** Version soft-deleted; only a permanent delete may follow. */
    public static final int VERSION_SOFT_DELETED = 40406;
    /** A permanent version delete requires a soft delete first. */
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    /** The subject has no compatibility level of its own. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** The schema is incompatible with an earlier version of the subject. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** The schema text is not a valid Avro schema. */
    public static final int INVALID_SCHEMA = 42201;
    /** The version is neither a positive int nor {@code latest}. */
    public static final int INVALID_VERSION = 42202;
    /** The compatibility level is unknown. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** The backing store failed. */
    public static final int STORE_ERROR = 50001;

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param httpStatus the HTTP status (404, 409, 422, 500...), or {@link #NO_RESPONSE}
     * @param errorCode the Confluent error code
     * @param detail what happened, as {@code key=value} facts
     */
    public SchemaRegistryException(int httpStatus, int errorCode, String detail) {
        super("httpStatus=" + httpStatus + " errorCode=" + errorCode + " " + detail);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param httpStatus the HTTP status, or {@link #NO_RESPONSE}
     * @param errorCode the Confluent error code
     * @param detail what happened, as {@code key=value} facts
     * @param cause the underlying failure
     */
    public SchemaRegistryException(int httpStatus, int errorCode, String detail, Throwable cause) {
        super("httpStatus=" + httpStatus + " errorCode=" + errorCode + " " + detail, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /**
     * The HTTP status.
     *
     * @return for example 404
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The Confluent error code.
     *
     * @return for example 40401
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The message without the status and code prefix; what the REST service sends as {@code message}.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    /**
     * Subject not found (404, 40401).
     *
     * @param subject the subject
     * @return the exception
     */
    public static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(404, SUBJECT_NOT_FOUND, "reason=subjectNotFound subject=" + subject);
    }

    /**
     * Version not found (404, 40402).
     *
     * @param subject the subject
     * @param version the requested version ({@code -1} for latest)
     * @return the exception
     */
    public static SchemaRegistryException versionNotFound(String subject, int version) {
        return new SchemaRegistryException(404, VERSION_NOT_FOUND, "reason=versionNotFound subject=" + subject
                + " version=" + (version == -1 ? "latest" : Integer.toString(version)));
    }

    /**
     * Schema not found (404, 40403).
     *
     * @param facts what was looked for, for example {@code id=7}
     * @return the exception
     */
    public static SchemaRegistryException schemaNotFound(String facts) {
        return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, "reason=schemaNotFound " + facts);
    }

    /**
     * Invalid schema (422, 42201).
     *
     * @param reason why the parser rejected it
     * @param cause the parser's exception, or null
     * @return the exception
     */
    public static SchemaRegistryException invalidSchema(String reason, Throwable cause) {
        return new SchemaRegistryException(422, INVALID_SCHEMA, "reason=invalidSchema detail=" + reason, cause);
    }
}
