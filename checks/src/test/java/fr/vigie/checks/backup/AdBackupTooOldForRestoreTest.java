package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.SnapshotFixture.backedUpNamingContext;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.ReplAttributeMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdBackupTooOldForRestoreTest {
    static final String DOMAIN = SnapshotFixture.DOMAIN_DN;
    static final String CONFIG = SnapshotFixture.CONFIG_DN;
    static final String DNS = "DC=DomainDnsZones," + SnapshotFixture.DOMAIN_DN;
    static final String INVOCATION = "0a0b0c0d-0000-4000-8000-000000000001";

    private final AdBackupTooOldForRestore check = new AdBackupTooOldForRestore();

    /** A naming context created 400 days ago with no dSASignature entry at all (Samba, some Windows DCs). */
    static NamingContextMetadata neverSigned(String dn) {
        return new NamingContextMetadata(dn, List.of(new ReplAttributeMetadata(0, 1, daysAgo(400), INVOCATION, 1, 1)));
    }

    /** A naming context whose only dSASignature is the version-1 stamp written at creation, {@code offset} later. */
    static NamingContextMetadata creationStampOnly(String dn, Duration offset) {
        return new NamingContextMetadata(dn, List.of(
                new ReplAttributeMetadata(0, 1, daysAgo(400), INVOCATION, 1, 1),
                new ReplAttributeMetadata(ReplAttributeMetadata.DSA_SIGNATURE, 1, daysAgo(400).plus(offset),
                        INVOCATION, 2, 2)));
    }

    static SnapshotFixture withNamingContexts(NamingContextMetadata... ncs) {
        var f = SnapshotFixture.domain().withoutNamingContexts();
        for (NamingContextMetadata nc : ncs) {
            f.namingContext(nc);
        }
        return f;
    }

    static SnapshotFixture withTombstoneLifetime(SnapshotFixture f, Integer days) {
        return f.directoryService(new DirectoryServiceConfig(Optional.empty(), Optional.ofNullable(days),
                Optional.empty(), SnapshotFixture.domain().build().directoryService().enabledOptionalFeatures()));
    }

    @Test
    void flagsANamingContextWithoutDsaSignatureAsNeverBackedUp() {
        var found = evaluate(check, withNamingContexts(neverSigned(DNS), backedUpNamingContext(DOMAIN, daysAgo(1)))
                .build());
        assertThat(found).extracting(Evidence::object).containsExactly(DNS);
        assertThat(found.get(0).attributes())
                .containsEntry("lastBackup", "never")
                .containsEntry("ageDays", "n/a (never backed up)")
                .containsEntry("basis", "no dSASignature entry in replPropertyMetaData")
                .containsEntry("tombstoneLifetimeDays", "60 (default: tombstoneLifetime not set)");
    }

    @Test
    void takesTheVersionOneStampWrittenAtCreationForNeverBackedUp() {
        var found = evaluate(check, withNamingContexts(creationStampOnly(CONFIG, Duration.ofMinutes(3))).build());
        assertThat(found).extracting(Evidence::object).containsExactly(CONFIG);
        assertThat(found.get(0).attributes()).containsEntry("lastBackup", "never");
        assertThat(found.get(0).attributes().get("basis"))
                .startsWith("dSASignature version 1 dated 2025-04-27T00:03:00Z")
                .contains("written when the naming context was created");
    }

    @Test
    void aVersionOneSignatureLongAfterCreationIsARealFirstBackup() {
        // first backup ever, 59 days ago: version 1 but far from the creation stamp, and younger than 60 days
        var nc = new NamingContextMetadata(DOMAIN, List.of(
                new ReplAttributeMetadata(0, 1, daysAgo(400), INVOCATION, 1, 1),
                new ReplAttributeMetadata(ReplAttributeMetadata.DSA_SIGNATURE, 1, daysAgo(59), INVOCATION, 9, 9)));
        assertThat(evaluate(check, withNamingContexts(nc).build())).isEmpty();
        // the same version-1 entry one hour and one second after creation is not the creation stamp either
        var late = creationStampOnly(DOMAIN, Duration.ofHours(1).plusSeconds(1));
        assertThat(evaluate(check, withNamingContexts(late).build()))
                .extracting(e -> e.attributes().get("lastBackup")).containsExactly("2025-04-27T01:00:01Z");
        var edge = creationStampOnly(DOMAIN, Duration.ofHours(1));
        assertThat(evaluate(check, withNamingContexts(edge).build()))
                .extracting(e -> e.attributes().get("lastBackup")).containsExactly("never");
    }

    @Test
    void failsFromTheTombstoneLifetimeDayAndNotTheDayBefore() {
        var at60 = evaluate(check, withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(60))).build());
        assertThat(at60).hasSize(1);
        assertThat(at60.get(0).attributes()).containsEntry("lastBackup", "2026-04-02T00:00:00Z")
                .containsEntry("ageDays", "60");
        var at59 = withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(60).plusSeconds(1))).build();
        assertThat(evaluate(check, at59)).isEmpty();
    }

    @Test
    void usesTheForestTombstoneLifetimeWhenSet() {
        var f = withTombstoneLifetime(withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(120))), 180);
        assertThat(evaluate(check, f.build())).isEmpty();
        var g = withTombstoneLifetime(withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(180))), 180);
        assertThat(evaluate(check, g.build())).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("tombstoneLifetimeDays", "180 (tombstoneLifetime)"));
    }

    @Test
    void reportsEveryUnusableNamingContextSeparately() {
        var found = evaluate(check, withNamingContexts(neverSigned(DOMAIN), backedUpNamingContext(CONFIG, daysAgo(90)),
                backedUpNamingContext(DNS, daysAgo(2))).build());
        assertThat(found).extracting(Evidence::object).containsExactly(DOMAIN, CONFIG);
    }

    @Test
    void noNamingContextAtAllIsNotAClean() {
        var found = evaluate(check, SnapshotFixture.domain().withoutNamingContexts().build());
        assertThat(found).singleElement().satisfies(e -> assertThat(e.attributes().get("lastBackup"))
                .startsWith("unknown"));
    }

    @Test
    void passesOnTheCleanDomainBackedUpYesterday() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
