package fr.vigie.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticDomainTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    /** Everything generated, summarised without keeping the entries twice. */
    static final class Summary {
        final Set<String> dns = new HashSet<>();
        final List<String[]> groupMembers = new ArrayList<>();
        final List<String> groupDns = new ArrayList<>();
        int users;
        int computers;
        int groups;
        final MessageDigest digest;

        Summary() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        void add(Entry e) {
            assertThat(dns.add(e.getDN().toLowerCase())).as("duplicate " + e.getDN()).isTrue();
            digest.update(e.toLDIFString().getBytes(StandardCharsets.UTF_8));
            List<String> classes = List.of(e.getObjectClassValues() == null ? new String[0] : e.getObjectClassValues());
            if (e.getDN().contains(",OU=GHT,")) {
                if (classes.contains("computer")) {
                    computers++;
                } else if (classes.contains("user")) {
                    users++;
                } else if (classes.contains("group")) {
                    groups++;
                    groupDns.add(e.getDN());
                    String[] m = e.getAttributeValues("member");
                    groupMembers.add(m == null ? new String[0] : m);
                }
            }
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static Summary generate(int objects, long seed) throws Exception {
        Summary s = new Summary();
        new SyntheticDomain(objects, seed, NOW).writeTo(s::add);
        return s;
    }

    @Test
    void splitsTheObjectsSeventyTwentyFiveFive() throws Exception {
        Summary s = generate(2_000, 1);
        assertThat(s.users).isEqualTo(1_400 + 1); // plus the benchmark's audit account
        assertThat(s.computers).isEqualTo(500);
        assertThat(s.groups).isEqualTo(100);
        assertThat(s.dns.size()).as("plus the forest's own objects").isBetween(2_000, 2_300);
    }

    @Test
    void membershipHasLargeGroupsNestingAndOnlyExistingMembers() throws Exception {
        Summary s = generate(2_000, 1);
        int largest = s.groupMembers.stream().mapToInt(m -> m.length).max().orElse(0);
        assertThat(largest).as("all users and computers: beyond AD's 1500-value range").isEqualTo(1_900);
        assertThat(s.groupMembers.stream().filter(m -> m.length <= 50).count()).as("mostly small groups")
                .isGreaterThan(40);
        long nesting = s.groupMembers.stream().filter(m -> List.of(m).stream().anyMatch(v -> v.startsWith("CN=GG")))
                .count();
        assertThat(nesting).isPositive();
        for (int g = 0; g < s.groupMembers.size(); g++) {
            String[] members = s.groupMembers.get(g);
            assertThat(new HashSet<>(List.of(members))).as("no duplicate member").hasSize(members.length);
            for (String m : members) {
                assertThat(s.dns).as("member " + m).contains(m.toLowerCase());
                if (m.startsWith("CN=GG")) {
                    assertThat(m.compareTo(s.groupDns.get(g))).as("nests only lower groups: no loop").isNegative();
                }
            }
        }
    }

    @Test
    void largeDomainsHaveGroupsOfMoreThanFiveThousandMembers() {
        SyntheticDomain big = new SyntheticDomain(150_000, 1, NOW);
        assertThat(big.users()).isEqualTo(105_000);
        assertThat(big.computers()).isEqualTo(37_500);
        assertThat(big.groups()).isEqualTo(7_500);
        assertThat(big.largeGroupSizes()).containsExactly(12_000, 8_000, 5_500);
        for (int g = 3; g < 200; g++) {
            assertThat(big.memberCount(g)).isBetween(2, 1_500);
        }
    }

    @Test
    void sameSeedSameDomainOtherSeedOtherDomain() throws Exception {
        assertThat(generate(1_000, 7).hash()).isEqualTo(generate(1_000, 7).hash());
        assertThat(generate(1_000, 7).hash()).isNotEqualTo(generate(1_000, 8).hash());
    }

    @Test
    void tooSmallADomainIsRefused() {
        assertThatThrownBy(() -> new SyntheticDomain(99, 1, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 100");
    }
}
