package fr.vigie.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapDirectoryCollector;
import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.ReplAttributeMetadata;
import fr.vigie.snapshot.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory side of issue 3 (backups) against a real Samba AD DC: {@code scripts/samba/plant-backup.sh} plants a
 * backup service account in Domain Admins, members of Backup Operators (direct and nested) and a backup server
 * trusted for delegation; each must fail its backup rule with evidence naming it, and nothing else.
 *
 * <p>The age of the last backup is read from the DC's real replication metadata, through four states of the same DC:
 * <ol>
 *   <li>fresh: no naming context has a dSASignature stamp: every one is "never backed up";</li>
 *   <li>after Samba's own backup ({@code samba-tool domain backup offline}, a real backup whose tarball carries
 *       Samba's backup marker): still "never", because Samba's backups copy or replicate the database and never
 *       write dSASignature on the live naming contexts. On a Samba DC, Vigie (like PingCastle and repadmin) cannot
 *       see Samba's backups; this test pins that limitation down;</li>
 *   <li>after one direct write of dSASignature on every naming-context head ({@code plant-backup.sh stamp}, through
 *       Samba's Python ldb binding on sam.ldb): a version-1 entry dated minutes after the naming context's creation,
 *       which is what Windows writes when it creates a naming context, so Vigie still reads "never";</li>
 *   <li>after a second write: version 2, dated now, which is what a Windows AD-aware backup leaves. <b>This direct
 *       dSASignature write, not Samba's backup, is what makes the naming contexts count as backed up</b>, because it
 *       is the only thing that changes the metadata the rule reads.</li>
 * </ol>
 * An older originating time cannot be written (the DC stamps its own clock), so the age computation is tested by
 * collecting the same real stamps "later" (the collection time is the checks' "now"). Every date Vigie reports is
 * compared with Samba's own NDR dump of replPropertyMetaData ({@code ldbsearch --show-binary}).
 *
 * <p>Collected over LDAPS by {@code vigie-audit}, an ordinary Domain Users member. Runs only with
 * {@code -Dvigie.samba=true} (see {@link SambaCleanDomainTest}); one DC, provisioned in a temporary directory.
 */
class SambaBackupTest {
    private static final String USERS = "CN=Users," + SambaDc.BASE_DN;
    private static final String SVC_VEEAM = "CN=svc-veeam," + USERS;
    private static final String OP_ALICE = "CN=op-alice," + USERS;
    private static final String OP_BOB = "CN=op-bob," + USERS;
    private static final String OPS_NESTED = "CN=ops-nested," + USERS;
    private static final String SRV_VEEAM = "CN=SRV-VEEAM,CN=Computers," + SambaDc.BASE_DN;
    private static final String NEVER_OR_TOO_OLD = "backup-ad-never-or-too-old-for-restore";
    private static final String OLD = "backup-ad-old";
    /** Samba provisions tombstoneLifetime = 180 on CN=Directory Service. */
    private static final int SAMBA_TOMBSTONE_LIFETIME = 180;
    /** ATTRTYP of objectClass, whose first stamp is the creation of the object. */
    private static final int OBJECT_CLASS = 0;

    /**
     * Every object planted by plant-backup.sh with the rules whose evidence must name it, and only those. Beyond the
     * planted rule: a Domain Admin or Backup Operators member is privileged, hence the two privileged-* rules (Samba
     * sets neither NOT_DELEGATED nor Protected Users); a server trusted for unconstrained delegation is also the AD
     * rule delegation-unconstrained's; Samba's schema has no LAPS attribute, so no backup server can have one.
     */
    static final Map<String, Set<String>> PLANTED = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        PLANTED.put(SVC_VEEAM, Set.of("backup-service-account-privileged", "privileged-delegable",
                "privileged-not-protected-users"));
        PLANTED.put(OP_ALICE, Set.of("backup-operators-members", "operators-not-empty", "privileged-delegable",
                "privileged-not-protected-users"));
        PLANTED.put(OP_BOB, Set.of("backup-operators-members", "operators-not-empty", "privileged-delegable",
                "privileged-not-protected-users"));
        // A group is not an account: its members are reported, not the group itself.
        PLANTED.put(OPS_NESTED, Set.of());
        PLANTED.put(SRV_VEEAM, Set.of("backup-server-delegation", "backup-server-domain-joined",
                "backup-server-without-laps", "delegation-unconstrained"));
    }

    @TempDir
    static Path tmp;

    private static SambaDc dc;
    private static Stage fresh;
    private static Path sambaBackupTarball;
    private static Stage afterSambaBackup;
    private static Stage afterFirstStamp;
    private static Stage afterSecondStamp;

    /**
     * The DC in one state: the agent's snapshot and audit, and the replPropertyMetaData of each naming-context head
     * as Samba's ldbsearch prints it (by DN).
     */
    record Stage(DirectorySnapshot snapshot, AuditResult audit, Map<String, Map<Integer, LdbStamp>> ldb) {
        RuleResult rule(String id) {
            RuleResult r = SambaCleanDomainTest.byRuleId(audit).get(id);
            assertThat(r).as("rule %s exists in the catalogue", id).isNotNull();
            return r;
        }

        /** The dSASignature stamp of a naming context as ldbsearch shows it. */
        Optional<LdbStamp> ldbSignature(String nc) {
            return Optional.ofNullable(ldb.get(nc).get(ReplAttributeMetadata.DSA_SIGNATURE));
        }

        /** The dSASignature stamp of a naming context as the collector read it. */
        Optional<ReplAttributeMetadata> collectedSignature(String nc) {
            return snapshot.namingContexts().stream().filter(m -> m.dn().equalsIgnoreCase(nc)).findFirst()
                    .orElseThrow(() -> new AssertionError("naming context " + nc + " not collected"))
                    .attribute(ReplAttributeMetadata.DSA_SIGNATURE);
        }
    }

    @BeforeAll
    static void provisionPlantAndBackUp() throws Exception {
        if (!SambaDc.enabled()) {
            return; // every test is then skipped, visibly, by requireSamba()
        }
        dc = SambaDc.provision(tmp.resolve("dc"));
        dc.start();
        dc.plantBackup("objects");
        fresh = stage(Instant.now());
        sambaBackupTarball = Path.of(dc.plantBackup("samba-backup").strip());
        afterSambaBackup = stage(Instant.now());
        dc.plantBackup("stamp");
        afterFirstStamp = stage(Instant.now());
        dc.plantBackup("stamp");
        afterSecondStamp = stage(Instant.now());
    }

    @BeforeEach
    void requireSamba() {
        assumeTrue(SambaDc.enabled(), SambaDc.DISABLED);
    }

    @AfterAll
    static void stopDomainController() {
        if (dc != null) {
            dc.stop();
        }
    }

    /** Collects as vigie-audit with this "now", audits, and reads every collected naming context with ldbsearch. */
    private static Stage stage(Instant asOf) throws CollectionException {
        DirectorySnapshot snapshot = new LdapDirectoryCollector(dc.ldaps(SambaDc.AUDIT_UPN, dc.auditPassword()),
                CollectionProgress.NONE).collect(asOf);
        Map<String, Map<Integer, LdbStamp>> ldb = new LinkedHashMap<>();
        for (NamingContextMetadata nc : snapshot.namingContexts()) {
            ldb.put(nc.dn(), LdbStamp.parse(dc.ldbsearch(nc.dn(), "replPropertyMetaData"), nc.dn()));
        }
        return new Stage(snapshot, new Audit(CatalogueLoader.builtIn()).run(snapshot), ldb);
    }

    // ---- the collection ------------------------------------------------------------------------------------------

    @Test
    void theReadOnlyAuditAccountCollectsEveryNamingContext() {
        for (Stage s : List.of(fresh, afterSambaBackup, afterFirstStamp, afterSecondStamp)) {
            assertThat(s.snapshot().steps()).allSatisfy(step -> assertThat(step.status())
                    .as("%s: %s", step.source(), step.error().orElse("")).isEqualTo(StepStatus.COMPLETE));
            assertThat(SambaDc.directoryRulesNotEvaluated(s.audit())).isEmpty();
        }
        assertThat(fresh.snapshot().namingContexts()).extracting(NamingContextMetadata::dn)
                .containsExactlyInAnyOrder(namingContexts().toArray(String[]::new));
        assertThat(fresh.snapshot().directoryService().tombstoneLifetimeDays()).contains(SAMBA_TOMBSTONE_LIFETIME);
    }

    // ---- backup accounts, groups and servers -----------------------------------------------------------------------

    @Test
    void aVeeamServiceAccountInDomainAdminsIsAPrivilegedBackupAccount() {
        Evidence e = evidence(fresh, "backup-service-account-privileged", SVC_VEEAM);
        assertThat(e.name()).isEqualTo("svc-veeam");
        assertThat(e.attributes().get("matchedBy")).isEqualTo("sAMAccountName 'svc-veeam' matches '*veeam*'");
        assertThat(e.attributes().get("privilegedGroups")).contains("Domain Admins");
        assertThat(namesIn(fresh, "backup-service-account-privileged")).containsExactly("svc-veeam");
        // reported as privileged, so not repeated among the merely weak backup accounts
        assertThat(namesIn(fresh, "backup-service-account-weak")).doesNotContain("svc-veeam");
    }

    @Test
    void directAndNestedBackupOperatorsAreReported() {
        for (String dn : List.of(OP_ALICE, OP_BOB)) {
            Evidence e = evidence(fresh, "backup-operators-members", dn);
            assertThat(e.attributes()).containsEntry("group", "Backup Operators").containsEntry("memberType", "user");
        }
        // stock Samba has no member in Backup or Server Operators: exactly the two planted users, not their group
        assertThat(namesIn(fresh, "backup-operators-members")).containsExactly("op-alice", "op-bob");
        assertThat(account("op-bob").dn()).isEqualTo(OP_BOB);
        assertThat(fresh.snapshot().groups()).filteredOn(g -> g.samAccountName().equals("Backup Operators"))
                .singleElement().satisfies(g -> assertThat(g.members()).containsExactlyInAnyOrder(OP_ALICE,
                        OPS_NESTED));
    }

    @Test
    void aBackupServerTrustedForDelegationIsReported() {
        Account srv = account("SRV-VEEAM$");
        assertThat(srv.enabled()).isTrue();
        assertThat(srv.userAccountControl()).isEqualTo(0x81000);
        Evidence e = evidence(fresh, "backup-server-delegation", SRV_VEEAM);
        assertThat(e.name()).isEqualTo("SRV-VEEAM$");
        assertThat(e.attributes().get("matchedBy")).isEqualTo("sAMAccountName 'SRV-VEEAM$' matches '*veeam*'");
        assertThat(e.attributes().get("userAccountControl"))
                .isEqualTo("0x81000 (WORKSTATION_TRUST_ACCOUNT|TRUSTED_FOR_DELEGATION)");
        assertThat(namesIn(fresh, "backup-server-delegation")).containsExactly("SRV-VEEAM$");
    }

    @Test
    void theBackupServerIsJoinedToTheAuditedDomain() {
        Evidence e = evidence(fresh, "backup-server-domain-joined", SRV_VEEAM);
        assertThat(e.attributes()).containsEntry("dNSHostName", "srv-veeam.ch-test.local")
                .containsEntry("operatingSystem", "Windows Server 2022 Standard")
                .containsEntry("lastLogonTimestamp", "never");
        // the DC is not a backup server, whatever its name
        assertThat(namesIn(fresh, "backup-server-domain-joined")).containsExactly("SRV-VEEAM$");
    }

    @Test
    void withoutLapsInSambasSchemaTheBackupServerHasNoManagedPassword() {
        // Samba 4.17's schema has neither legacy LAPS nor Windows LAPS: the domain-level rule fires as on any stock
        // Samba domain, and the backup server is reported on its own, on the backup scale.
        assertThat(fresh.snapshot().domain().lapsLegacySchema()).isFalse();
        assertThat(fresh.snapshot().domain().lapsWindowsSchema()).isFalse();
        assertThat(fresh.rule("laps-absent").status()).isEqualTo(RuleStatus.FAIL);
        Evidence e = evidence(fresh, "backup-server-without-laps", SRV_VEEAM);
        assertThat(e.attributes()).containsEntry("lapsPassword",
                "no ms-Mcs-AdmPwdExpirationTime nor msLAPS-PasswordExpirationTime");
        assertThat(namesIn(fresh, "backup-server-without-laps")).containsExactly("SRV-VEEAM$");
    }

    @Test
    void theRecycleBinIsOffAndThereIsOneWritableDc() {
        assertThat(fresh.rule("backup-recycle-bin-disabled").evidence()).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo("CN=Partitions,CN=Configuration," + SambaDc.BASE_DN);
            assertThat(e.attributes()).containsEntry("msDS-EnabledFeature", "(none)");
        });
        assertThat(fresh.rule("backup-single-writable-dc").evidence()).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo(SambaDc.BASE_DN);
            assertThat(e.attributes().get("writableDcs")).isEqualToIgnoringCase("1 (" + SambaDc.DC_FQDN + ")");
            assertThat(e.attributes()).containsEntry("readOnlyDcs", "none").containsEntry("minWritableDcs", "2");
        });
    }

    @Test
    void everyPlantedObjectAppearsInExactlyItsExpectedRules() {
        Map<String, Set<String>> actual = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String dn : PLANTED.keySet()) {
            actual.put(dn, rulesNaming(fresh, dn));
        }
        assertThat(actual).isEqualTo(PLANTED);
    }

    @Test
    void failingRulesAreTheStockOnesAndThePlantedOnes() {
        Set<String> expected = new TreeSet<>(SambaCleanDomainTest.STOCK_DOMAIN_FAILURES);
        PLANTED.values().forEach(expected::addAll);
        assertThat(SambaCleanDomainTest.failingRuleIds(fresh.audit())).isEqualTo(expected);
        assertThat(SambaCleanDomainTest.failingRuleIds(afterSambaBackup.audit())).isEqualTo(expected);
        assertThat(SambaCleanDomainTest.failingRuleIds(afterFirstStamp.audit())).isEqualTo(expected);
        // the second dSASignature write changes exactly one rule
        expected.remove(NEVER_OR_TOO_OLD);
        assertThat(SambaCleanDomainTest.failingRuleIds(afterSecondStamp.audit())).isEqualTo(expected);
    }

    // ---- the last backup, read from the real replication metadata ------------------------------------------------

    @Test
    void aFreshDcWasNeverBackedUp() {
        for (String nc : namingContexts()) {
            assertThat(fresh.ldbSignature(nc)).as("dSASignature stamp of %s in ldbsearch", nc).isEmpty();
            assertThat(fresh.collectedSignature(nc)).as("dSASignature stamp of %s collected", nc).isEmpty();
        }
        assertEveryNamingContextNeverBackedUp(fresh, "no dSASignature entry in replPropertyMetaData");
        assertThat(fresh.rule(OLD).status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void sambasOwnBackupIsRealButInvisibleInTheMetadata() throws Exception {
        // plant-backup.sh checked that the tarball's database carries Samba's backup marker (backupType=offline)
        assertThat(sambaBackupTarball).isRegularFile().startsWith(dc.dir());
        assertThat(Files.size(sambaBackupTarball)).isGreaterThan(100_000);
        for (String nc : namingContexts()) {
            assertThat(afterSambaBackup.ldbSignature(nc)).as("dSASignature of %s after samba-tool backup", nc)
                    .isEmpty();
            assertThat(afterSambaBackup.ldb().get(nc)).as("metadata of %s unchanged by samba-tool backup", nc)
                    .isEqualTo(fresh.ldb().get(nc));
        }
        assertEveryNamingContextNeverBackedUp(afterSambaBackup, "no dSASignature entry in replPropertyMetaData");
    }

    @Test
    void aFirstDsaSignatureWriteIsTheCreationStampAndStillCountsAsNever() {
        for (String nc : namingContexts()) {
            LdbStamp ldb = afterFirstStamp.ldbSignature(nc).orElseThrow(() -> new AssertionError(
                    "no dSASignature stamp on " + nc + " after the first write"));
            assertThat(ldb.version()).isEqualTo(1);
            Instant created = afterFirstStamp.ldb().get(nc).get(OBJECT_CLASS).time();
            assertThat(Duration.between(created, ldb.time())).as("first stamp of %s after its creation", nc)
                    .isPositive().isLessThan(Duration.ofHours(1));
            assertCollectedAsLdbShows(afterFirstStamp, nc);
        }
        RuleResult r = afterFirstStamp.rule(NEVER_OR_TOO_OLD);
        assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(r.evidence()).extracting(Evidence::object)
                .containsExactlyInAnyOrder(namingContexts().toArray(String[]::new));
        for (Evidence e : r.evidence()) {
            assertThat(e.attributes()).containsEntry("lastBackup", "never");
            String basis = e.attributes().get("basis");
            Matcher m = Pattern.compile("dSASignature version 1 dated (\\S+), the stamp written when the naming "
                    + "context was created").matcher(basis);
            assertThat(m.matches()).as("basis of %s: %s", e.object(), basis).isTrue();
            LdbStamp ldb = afterFirstStamp.ldbSignature(e.object()).orElseThrow();
            assertWithinASecond(Instant.parse(m.group(1)), ldb.time());
        }
    }

    @Test
    void aSecondWriteIsABackupAndTheNamingContextsCountAsBackedUp() {
        for (String nc : namingContexts()) {
            LdbStamp first = afterFirstStamp.ldbSignature(nc).orElseThrow();
            LdbStamp second = afterSecondStamp.ldbSignature(nc).orElseThrow();
            assertThat(second.version()).as("dSASignature version of %s", nc).isEqualTo(2);
            assertThat(second.time()).isAfterOrEqualTo(first.time());
            assertCollectedAsLdbShows(afterSecondStamp, nc);
        }
        assertThat(afterSecondStamp.rule(NEVER_OR_TOO_OLD).status()).isEqualTo(RuleStatus.PASS);
        assertThat(afterSecondStamp.rule(NEVER_OR_TOO_OLD).evidence()).isEmpty();
        assertThat(afterSecondStamp.rule(OLD).status()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    void eightDaysLaterTheRealStampIsAWeekOld() throws Exception {
        Instant newest = newestSecondStamp();
        Stage later = stage(newest.plus(Duration.ofDays(8)).plus(Duration.ofMinutes(30)));
        assertThat(later.rule(NEVER_OR_TOO_OLD).status()).isEqualTo(RuleStatus.PASS);
        RuleResult old = later.rule(OLD);
        assertThat(old.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(old.evidence()).extracting(Evidence::object)
                .containsExactlyInAnyOrder(namingContexts().toArray(String[]::new));
        for (Evidence e : old.evidence()) {
            LdbStamp ldb = later.ldbSignature(e.object()).orElseThrow();
            assertWithinASecond(Instant.parse(e.attributes().get("lastBackup")), ldb.time());
            assertThat(e.attributes()).containsEntry("ageDays", "8").containsEntry("maxAgeDays", "7")
                    .containsEntry("basis", "dSASignature version 2 dated " + iso(ldb.time()))
                    .containsEntry("tombstoneLifetimeDays", SAMBA_TOMBSTONE_LIFETIME + " (tombstoneLifetime)");
        }
    }

    @Test
    void aTombstoneLifetimeLaterTheRealStampCannotBeRestored() throws Exception {
        Instant newest = newestSecondStamp();
        Stage later = stage(newest.plus(Duration.ofDays(SAMBA_TOMBSTONE_LIFETIME)).plus(Duration.ofMinutes(30)));
        // too old for a restore: reported by the level-1 rule only, not repeated as merely old
        assertThat(later.rule(OLD).status()).isEqualTo(RuleStatus.PASS);
        RuleResult r = later.rule(NEVER_OR_TOO_OLD);
        assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(r.evidence()).extracting(Evidence::object)
                .containsExactlyInAnyOrder(namingContexts().toArray(String[]::new));
        for (Evidence e : r.evidence()) {
            LdbStamp ldb = later.ldbSignature(e.object()).orElseThrow();
            assertWithinASecond(Instant.parse(e.attributes().get("lastBackup")), ldb.time());
            assertThat(e.attributes()).containsEntry("ageDays", String.valueOf(SAMBA_TOMBSTONE_LIFETIME))
                    .containsEntry("tombstoneLifetimeDays", SAMBA_TOMBSTONE_LIFETIME + " (tombstoneLifetime)");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The naming contexts the DC serves, from the RootDSE as the agent read it; the five of a Samba forest root. */
    private static List<String> namingContexts() {
        List<String> ncs = List.of(SambaDc.BASE_DN, "CN=Configuration," + SambaDc.BASE_DN,
                "CN=Schema,CN=Configuration," + SambaDc.BASE_DN, "DC=DomainDnsZones," + SambaDc.BASE_DN,
                "DC=ForestDnsZones," + SambaDc.BASE_DN);
        assertThat(fresh.ldb().keySet()).containsExactlyInAnyOrderElementsOf(ncs);
        return ncs;
    }

    private static void assertEveryNamingContextNeverBackedUp(Stage s, String basis) {
        RuleResult r = s.rule(NEVER_OR_TOO_OLD);
        assertThat(r.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(r.evidence()).extracting(Evidence::object)
                .containsExactlyInAnyOrder(namingContexts().toArray(String[]::new));
        assertThat(r.evidence()).allSatisfy(e -> assertThat(e.attributes())
                .containsEntry("lastBackup", "never")
                .containsEntry("ageDays", "n/a (never backed up)")
                .containsEntry("basis", basis)
                .containsEntry("tombstoneLifetimeDays", SAMBA_TOMBSTONE_LIFETIME + " (tombstoneLifetime)"));
    }

    /** The collector decoded the dSASignature stamp of the NC as Samba's own NDR dump prints it. */
    private static void assertCollectedAsLdbShows(Stage s, String nc) {
        LdbStamp ldb = s.ldbSignature(nc).orElseThrow();
        ReplAttributeMetadata collected = s.collectedSignature(nc).orElseThrow(() -> new AssertionError(
                "the collector read no dSASignature stamp on " + nc + " while ldbsearch shows " + ldb));
        assertThat(collected.version()).as("version of the dSASignature stamp of %s", nc).isEqualTo(ldb.version());
        assertWithinASecond(collected.originatingChangeTime(), ldb.time());
    }

    private static void assertWithinASecond(Instant actual, Instant ldb) {
        assertThat(Duration.between(actual, ldb).abs()).as("%s vs ldbsearch's %s", actual, ldb)
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    /** The latest dSASignature stamp after the second write, as ldbsearch shows it. */
    private static Instant newestSecondStamp() {
        return namingContexts().stream().map(nc -> afterSecondStamp.ldbSignature(nc).orElseThrow().time())
                .max(Instant::compareTo).orElseThrow();
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Account account(String sam) {
        return fresh.snapshot().accounts().stream().filter(a -> a.samAccountName().equalsIgnoreCase(sam)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + sam + " in the snapshot"));
    }

    /** The evidence of a failing rule about the object with this DN (exactly one). */
    private static Evidence evidence(Stage s, String ruleId, String dn) {
        RuleResult r = s.rule(ruleId);
        assertThat(r.status()).as("status of %s", ruleId).isEqualTo(RuleStatus.FAIL);
        List<Evidence> about = r.evidence().stream().filter(e -> e.object().equalsIgnoreCase(dn)).toList();
        assertThat(about).as("evidence of %s about %s", ruleId, dn).hasSize(1);
        return about.get(0);
    }

    /** sAMAccountNames named by the evidence of a rule (empty when it passes). */
    private static Set<String> namesIn(Stage s, String ruleId) {
        return s.rule(ruleId).evidence().stream().map(Evidence::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ids of the failing rules with an evidence about this DN: as its object, or as a DN in one of its values. */
    private static Set<String> rulesNaming(Stage s, String dn) {
        Set<String> ids = new TreeSet<>();
        for (RuleResult r : s.audit().failing()) {
            if (r.evidence().stream().anyMatch(e -> e.object().equalsIgnoreCase(dn)
                    || e.attributes().values().stream().flatMap(v -> Stream.of(v.split(" -> |, ")))
                            .anyMatch(dn::equalsIgnoreCase))) {
                ids.add(r.rule().id());
            }
        }
        return ids;
    }

    /**
     * One stamp of replPropertyMetaData as Samba's NDR dump prints it ({@code ldbsearch --show-binary}):
     * <pre>
     *     attid                    : UNKNOWN_ENUM_VALUE (0x2004A)
     *     version                  : 0x00000002 (2)
     *     originating_change_time  : Sat Nov 28 21:40:39 2026 UTC
     * </pre>
     */
    record LdbStamp(int attid, long version, Instant time) {
        private static final Pattern ATTID = Pattern.compile("^\\s*attid\\s*:.*\\((0x[0-9A-Fa-f]+)\\)\\s*$");
        private static final Pattern VERSION = Pattern.compile("^\\s*version\\s*:\\s*0x[0-9A-Fa-f]+ \\((\\d+)\\)\\s*$");
        private static final Pattern TIME = Pattern.compile("^\\s*originating_change_time\\s*:\\s*(.+?)\\s*$");
        /** Samba's NDR time format (asctime-like, day of month space-padded), always printed in UTC here (TZ=UTC). */
        private static final DateTimeFormatter NDR_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy",
                Locale.ENGLISH);

        /** The stamps of the single entry in ldbsearch's output, by attribute id. */
        static Map<Integer, LdbStamp> parse(String ldbsearchOutput, String dn) {
            assertThat(ldbsearchOutput).as("ldbsearch of %s", dn).contains("# returned 1 records")
                    .contains("NDR: struct replPropertyMetaDataBlob");
            Map<Integer, LdbStamp> stamps = new TreeMap<>();
            Integer attid = null;
            Long version = null;
            for (String line : ldbsearchOutput.split("\n")) {
                Matcher m;
                if ((m = ATTID.matcher(line)).matches()) {
                    attid = Integer.decode(m.group(1));
                    version = null;
                } else if ((m = VERSION.matcher(line)).matches() && attid != null) {
                    version = Long.parseLong(m.group(1));
                } else if ((m = TIME.matcher(line)).matches() && attid != null && version != null) {
                    stamps.put(attid, new LdbStamp(attid, version, ndrTime(m.group(1), dn)));
                    attid = null;
                }
            }
            assertThat(stamps).as("stamps of %s in ldbsearch's output", dn).containsKey(OBJECT_CLASS);
            return stamps;
        }

        private static Instant ndrTime(String text, String dn) {
            String t = text.replaceAll("\\s+", " ");
            if (!t.endsWith(" UTC")) {
                throw new AssertionError("ldbsearch printed a time of " + dn + " not in UTC: " + text);
            }
            try {
                return LocalDateTime.parse(t.substring(0, t.length() - 4), NDR_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new AssertionError("unparsable originating_change_time of " + dn + ": " + text, e);
            }
        }

        @Override
        public String toString() {
            return String.format("0x%X v%d %s", attid, version, time);
        }
    }
}
