package fr.vigie.agent.collect.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import fr.vigie.agent.collect.ldap.RangeRetrieval.Range;
import org.junit.jupiter.api.Test;

class RangeRetrievalTest {
    @Test
    void parsesBoundedAndLastRanges() {
        assertThat(Range.parse("range=0-1499")).isEqualTo(new Range(0, 1499));
        assertThat(Range.parse("Range=1500-*")).satisfies(r -> {
            assertThat(r.low()).isEqualTo(1500);
            assertThat(r.last()).isTrue();
        });
        assertThat(new Range(0, 1499).last()).isFalse();
    }

    @Test
    void rejectsWhatIsNotARange() {
        assertThatThrownBy(() -> Range.parse("lang-fr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.parse("range=a-b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.parse("range=10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detectsRangedAttributesOnly() {
        assertThat(RangeRetrieval.hasRangedAttribute(new Entry("CN=g", new Attribute("member;range=0-1499", "CN=a"))))
                .isTrue();
        assertThat(RangeRetrieval.hasRangedAttribute(new Entry("CN=g", new Attribute("member", "CN=a"),
                new Attribute("description;lang-fr", "x")))).isFalse();
    }
}
