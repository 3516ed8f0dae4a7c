package dev.millrace.serdes.avro;

import org.apache.avro.Schema;

/** Schema texts shared by the tests: the user schema's history and an unrelated record. */
public final class TestSchemas {
    /** Version 1 of the user: name and age. Same full name as the generated {@code User} class. */
    public static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
    /** v1 plus email with a default (backward compatible). */
    public static final String USER_ADDED_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"unknown@example.com\"}]}";
    /** v1 without age (backward compatible: the new reader ignores the old field). */
    public static final String USER_REMOVED_AGE = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"}]}";
    /** v1 with name renamed to fullName through an alias. */
    public static final String USER_RENAMED_VIA_ALIAS = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"fullName\",\"type\":\"string\",\"aliases\":[\"name\"]},"
            + "{\"name\":\"age\",\"type\":\"int\"}]}";
    /** v1 plus email WITHOUT a default: the new reader cannot read v1 data (backward incompatible). */
    public static final String USER_ADDED_WITHOUT_DEFAULT = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"},"
            + "{\"name\":\"email\",\"type\":\"string\"}]}";
    /** v1 with age changed from int to string (incompatible both ways). */
    public static final String USER_AGE_AS_STRING = "{\"type\":\"record\",\"name\":\"User\","
            + "\"namespace\":\"dev.millrace.serdes.avro.testrecords\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"string\"}]}";
    /** An unrelated record. */
    public static final String PAYMENT = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"acme\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}";

    private TestSchemas() {
    }

    /**
     * Parses a schema text with a fresh parser.
     *
     * @param text the schema
     * @return the schema
     */
    public static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    /**
     * A seed for randomized tests: {@code -Dmillrace.seed} or the given default. Callers put it in
     * every assertion message.
     *
     * @param test the test name (kept for call sites' readability)
     * @param defaultSeed the fixed default
     * @return the seed
     */
    public static long seed(String test, long defaultSeed) {
        return Long.getLong("millrace.seed", defaultSeed);
    }
}
