package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.DirectoryServiceConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DangerousDsHeuristicsTest {
    private final DangerousDsHeuristics check = new DangerousDsHeuristics();

    private List<Evidence> run(String dsHeuristics) {
        var f = SnapshotFixture.domain().directoryService(new DirectoryServiceConfig(Optional.ofNullable(dsHeuristics),
                Optional.empty(), Optional.empty(), List.of()));
        return evaluate(check, f.build());
    }

    @Test
    void flagsAnonymousLdapAtPosition7() {
        List<Evidence> found = run("0000002");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).object())
                .isEqualTo("CN=Directory Service,CN=Windows NT,CN=Services," + SnapshotFixture.CONFIG_DN);
        assertThat(found.get(0).attributes())
                .containsEntry("dSHeuristics", "0000002")
                .containsEntry("position", "7")
                .containsEntry("character", "2");
        assertThat(found.get(0).attributes().get("meaning")).contains("anonymous");
    }

    @Test
    void position7OtherValuesAndAShorterStringAreSafe() {
        assertThat(run("0000001")).isEmpty();
        assertThat(run("000000")).isEmpty();
        assertThat(run("")).isEmpty();
        assertThat(run(null)).isEmpty();
    }

    /**
     * A dSHeuristics string of {@code length} characters, '0' except the documented check characters (10th '1',
     * 20th '2') and {@code c} at the 1-based {@code position}.
     */
    private static String heuristics(int length, int position, char c) {
        StringBuilder b = new StringBuilder("0".repeat(length));
        if (length >= 10) {
            b.setCharAt(9, '1');
        }
        if (length >= 20) {
            b.setCharAt(19, '2');
        }
        if (position <= length) {
            b.setCharAt(position - 1, c);
        }
        return b.toString();
    }

    @Test
    void flagsAdminSdExMaskAtPosition16AndNamesTheExcludedGroups() {
        List<Evidence> found = run(heuristics(16, 16, 'f'));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes()).containsEntry("position", "16").containsEntry("character", "f");
        assertThat(found.get(0).attributes().get("meaning"))
                .contains("Account Operators, Server Operators, Print Operators, Backup Operators");
        assertThat(run(heuristics(16, 16, '4')).get(0).attributes().get("meaning")).endsWith("protect Print Operators");
        assertThat(run(heuristics(16, 16, '0'))).isEmpty();
        assertThat(run(heuristics(15, 15, '0'))).isEmpty();
    }

    @Test
    void flagsUniquenessChecksOffAtPosition21() {
        List<Evidence> found = run(heuristics(27, 21, '2'));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes()).containsEntry("position", "21").containsEntry("character", "2");
        assertThat(found.get(0).attributes().get("meaning")).contains("servicePrincipalName");
        assertThat(run(heuristics(21, 21, '1')).get(0).attributes().get("meaning")).contains("userPrincipalName");
        assertThat(run(heuristics(20, 21, '1'))).isEmpty();
        assertThat(run(heuristics(21, 21, '0'))).isEmpty();
    }

    @Test
    void reportsEveryPositionAtFaultInOrder() {
        //                           123456789012345678901
        List<Evidence> found = run("000000200100000100021");
        assertThat(found).extracting(e -> e.attributes().get("position")).containsExactly("7", "16", "21");
    }
}
