package dev.millrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSupportTest {
    @Test
    void shouldSplitAddConfigAtCommasOutsideBrackets() {
        assertThat(ToolSupport.splitOutsideBrackets("a=1,b=[x,y],c=2"))
                .containsExactly("a=1", "b=[x,y]", "c=2");
    }

    @Test
    void shouldStripBracketsFromAddConfigValues() {
        assertThat(ToolSupport.parseAddConfig("retention.ms=999,cleanup.policy=[compact,delete]"))
                .containsExactly(java.util.Map.entry("retention.ms", "999"),
                        java.util.Map.entry("cleanup.policy", "compact,delete"));
    }

    @Test
    void shouldRejectAddConfigPartWithoutEquals() {
        assertThatThrownBy(() -> ToolSupport.parseAddConfig("a=1,junk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid entity config: all configs to be added must be in the format")
                .hasMessageContaining("config=junk");
    }

    @Test
    void shouldRejectUnbalancedBrackets() {
        assertThatThrownBy(() -> ToolSupport.splitOutsideBrackets("a=[1,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unbalanced");
    }

    @Test
    void shouldSplitPairsAtTheFirstEqualsSign() {
        assertThat(ToolSupport.parsePairs(List.of("key.separator==", "parse.key=true"), "--property"))
                .containsEntry("key.separator", "=").containsEntry("parse.key", "true");
    }

    @Test
    void shouldRejectPairWithoutKey() {
        assertThatThrownBy(() -> ToolSupport.parsePairs(List.of("=x"), "--property"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option=--property");
    }
}
