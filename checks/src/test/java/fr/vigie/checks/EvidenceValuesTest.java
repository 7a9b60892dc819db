package fr.vigie.checks;

import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidenceValuesTest {
    private static CheckContext context(DirectorySnapshot snapshot) {
        return new CheckContext(snapshot.collectedAt(), CatalogueLoader.builtIn().rule("user-dormant"),
                new DirectoryIndex(snapshot));
    }

    @Test
    void aDateShowsItsAgeAsOfTheSnapshotAndAnAbsentOneIsNever() {
        CheckContext context = context(SnapshotFixture.domain().build());
        assertThat(EvidenceValues.dateWithAge(Optional.of(daysAgo(45)), context))
                .isEqualTo("2026-04-17T00:00:00Z (45 days ago)");
        assertThat(EvidenceValues.dateWithAge(Optional.empty(), context)).isEqualTo("never");
    }

    @Test
    void isoDropsTheFractionOfASecondWhileRecordedKeepsIt() {
        Instant precise = Instant.parse("2026-05-31T08:00:00.1234567Z");
        assertThat(EvidenceValues.iso(precise)).isEqualTo("2026-05-31T08:00:00Z");
        assertThat(EvidenceValues.iso(Optional.of(precise), "never")).isEqualTo("2026-05-31T08:00:00Z");
        assertThat(EvidenceValues.iso(Optional.empty(), "not set")).isEqualTo("not set");
        assertThat(EvidenceValues.recorded(Optional.of(precise), "never")).isEqualTo("2026-05-31T08:00:00.123456700Z");
        assertThat(EvidenceValues.recorded(Optional.empty(), "never set")).isEqualTo("never set");
    }

    @Test
    void uacNamesTheFlagsOfTheAccount() {
        var f = SnapshotFixture.domain();
        f.user("svc").flags(Uac.DONT_EXPIRE_PASSWORD).add();
        var account = f.build().accounts().stream().filter(a -> a.samAccountName().equals("svc")).findFirst().get();
        assertThat(EvidenceValues.uac(account)).contains("DONT_EXPIRE_PASSWORD").startsWith("0x");
    }

    @Test
    void aSidIsNamedWhenTheSnapshotKnowsItAndShownBareOtherwise() {
        var snapshot = SnapshotFixture.domain().build();
        DirectoryIndex index = new DirectoryIndex(snapshot);
        String admins = Sids.of(SnapshotFixture.DOMAIN_SID, Sids.RID_DOMAIN_ADMINS);
        assertThat(EvidenceValues.sidWithName(admins, index)).isEqualTo(admins + " (Domain Admins)");
        assertThat(EvidenceValues.sidWithName("S-1-5-21-1-2-3-4242", index)).isEqualTo("S-1-5-21-1-2-3-4242");
    }
}
