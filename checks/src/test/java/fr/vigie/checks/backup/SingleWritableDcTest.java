package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.DcServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SingleWritableDcTest {
    private final SingleWritableDc check = new SingleWritableDc();

    private static DcServer server(String name, String domainDn, boolean ntds, boolean readOnly) {
        String dns = name + "." + domainDn.replace("DC=", "").replace(",", ".");
        return new DcServer("CN=" + name + ",CN=Servers,CN=Site,CN=Sites," + SnapshotFixture.CONFIG_DN, "Site",
                Optional.of(dns), Optional.of("CN=" + name + ",OU=Domain Controllers," + domainDn), ntds, readOnly);
    }

    @Test
    void flagsADomainWithOneWritableDcAndNamesTheReadOnlyOnes() {
        var f = SnapshotFixture.domain().withoutDcServers()
                .dcServer(server("dc1", SnapshotFixture.DOMAIN_DN, true, false))
                .dcServer(server("rodc1", SnapshotFixture.DOMAIN_DN, true, true));
        var found = evaluate(check, f.build());
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo(SnapshotFixture.DOMAIN_DN);
            assertThat(e.attributes()).containsEntry("writableDcs", "1 (dc1.ch-test.local)")
                    .containsEntry("readOnlyDcs", "rodc1.ch-test.local").containsEntry("minWritableDcs", "2");
        });
    }

    @Test
    void doesNotCountDcsOfAnotherDomainOrServersWithoutNtdsSettings() {
        var f = SnapshotFixture.domain().withoutDcServers()
                .dcServer(server("dc1", SnapshotFixture.DOMAIN_DN, true, false))
                .dcServer(server("dc9", "DC=child,DC=ch-test,DC=local", true, false))
                .dcServer(server("old", SnapshotFixture.DOMAIN_DN, false, false));
        assertThat(evaluate(check, f.build())).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("writableDcs", "1 (dc1.ch-test.local)"));
    }

    @Test
    void fallsBackToTheDnsNameWhenTheServerHasNoComputerReference() {
        var f = SnapshotFixture.domain().withoutDcServers()
                .dcServer(server("dc1", SnapshotFixture.DOMAIN_DN, true, false))
                .dcServer(new DcServer("CN=DC2,CN=Servers,CN=Site,CN=Sites," + SnapshotFixture.CONFIG_DN, "Site",
                        Optional.of("dc2.ch-test.local"), Optional.empty(), true, false));
        assertThat(evaluate(check, f.build())).isEmpty();
        var g = SnapshotFixture.domain().withoutDcServers()
                .dcServer(server("dc1", SnapshotFixture.DOMAIN_DN, true, false))
                .dcServer(new DcServer("CN=DC2,CN=Servers,CN=Site,CN=Sites," + SnapshotFixture.CONFIG_DN, "Site",
                        Optional.of("dc2.other.local"), Optional.empty(), true, false));
        assertThat(evaluate(check, g.build())).hasSize(1);
    }

    @Test
    void noDcAtAllFailsAndTheThresholdCanAskForThree() {
        var none = evaluate(check, SnapshotFixture.domain().withoutDcServers().build());
        assertThat(none).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("writableDcs", "0"));
        assertThat(evaluate(check, SnapshotFixture.domain().build(), Map.of("minWritableDcs", 3L))).hasSize(1);
    }

    @Test
    void passesWithTwoWritableDcs() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
