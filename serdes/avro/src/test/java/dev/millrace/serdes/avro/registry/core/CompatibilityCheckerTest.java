package dev.millrace.serdes.avro.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Field paths in incompatibility messages, including nested records, arrays, maps and unions. */
class CompatibilityCheckerTest {
    private static final String OLD = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"lines\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"Line\","
            + "\"fields\":[{\"name\":\"sku\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}}},"
            + "{\"name\":\"tags\",\"type\":{\"type\":\"map\",\"values\":\"int\"}}]}";

    @Test
    void shouldNameANestedFieldInsideAnArrayOfRecords() {
        String changed = OLD.replace("{\"name\":\"qty\",\"type\":\"int\"}", "{\"name\":\"qty\",\"type\":\"string\"}");
        List<String> issues = check(changed);
        assertThat(issues).singleElement().asString().contains("errorType=TYPE_MISMATCH", "field=lines.qty",
                "location=/fields/1/type/items/fields/1/type", "oldSchemaVersion=1", "direction=newReadsOld");
    }

    @Test
    void shouldNameAMapValueField() {
        String changed = OLD.replace("\"values\":\"int\"", "\"values\":\"boolean\"");
        assertThat(check(changed)).singleElement().asString().contains("field=tags");
    }

    @Test
    void shouldAcceptPromotionsAndReportNothingWhenCompatible() {
        String promoted = OLD.replace("{\"name\":\"qty\",\"type\":\"int\"}", "{\"name\":\"qty\",\"type\":\"long\"}");
        assertThat(check(promoted)).isEmpty();
    }

    @Test
    void shouldReturnEmptyPathWhenTheLocationNamesNoField() {
        assertThat(CompatibilityChecker.fieldPath(Schema.create(Schema.Type.INT), "/")).isEmpty();
        assertThat(CompatibilityChecker.fieldPath(TestSchemas.parse(OLD), "/fields/9/type")).isEmpty();
        assertThat(CompatibilityChecker.fieldPath(TestSchemas.parse(OLD), null)).isEmpty();
    }

    private static List<String> check(String candidate) {
        return CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, TestSchemas.parse(candidate),
                List.of(new CompatibilityChecker.Earlier(1, TestSchemas.parse(OLD))));
    }
}
