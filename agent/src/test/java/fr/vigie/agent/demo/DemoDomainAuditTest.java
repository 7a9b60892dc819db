package fr.vigie.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapDirectoryCollector;
import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.CheckRegistry;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.host.HostSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo domain collected by the real collector over LDAPS and audited with the built-in catalogue and the demo's
 * sample backup host ({@link DemoBackupHost}): every rule finds something, directory and host rules alike, except
 * the one that excludes its sibling (docs/demo-domain.md).
 */
class DemoDomainAuditTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    /** Rules that cannot fail together with another one the demo makes fail (see docs/demo-domain.md). */
    static final Set<String> EXCLUSIVE_PASSING = Set.of("laps-absent");
    static final String DOMAIN = "DC=ch-exemple,DC=local";

    /** For each rule, an object planted for it that must be in its evidence (the examples of the documentation). */
    static final Map<String, String> PLANTED = Map.ofEntries(
            Map.entry("privileged-group-sprawl", "CN=adm-jlefevre,OU=Administration"),
            Map.entry("privileged-password-never-expires", "CN=Administrator,CN=Users"),
            Map.entry("privileged-password-old", "CN=svc-sql-dpi,"),
            Map.entry("privileged-spn", "CN=svc-sql-dpi,"),
            Map.entry("privileged-no-preauth", "CN=adm-unix,"),
            Map.entry("privileged-delegable", "CN=svc-veeam,"),
            Map.entry("privileged-not-protected-users", "CN=adm-jlefevre,"),
            Map.entry("privileged-disabled-member", "CN=adm-jmartin,"),
            Map.entry("admincount-orphan", "CN=svc-ancien-sccm,"),
            Map.entry("schema-admins-not-empty", "CN=adm-exchange,"),
            Map.entry("operators-not-empty", "CN=exploit.sauvegarde,"),
            Map.entry("privileged-reversible-password", "CN=svc-nps,"),
            Map.entry("delegation-unconstrained", "CN=SRV-PRINT01,"),
            Map.entry("delegation-constrained-to-dc", "CN=SRV-WEBRH01,"),
            Map.entry("delegation-protocol-transition-to-dc", "CN=svc-portail,"),
            Map.entry("delegation-rbcd-on-privileged", "CN=DC01,OU=Domain Controllers"),
            Map.entry("user-dormant", "CN=adm-prestataire,"),
            Map.entry("computer-dormant", "CN=TEST-VM,"),
            Map.entry("account-never-used", ",OU=Utilisateurs,OU=CH Exemple"),
            Map.entry("password-not-required", "CN=borne.accueil,"),
            Map.entry("reversible-encryption", "CN=wifi.medecins,"),
            Map.entry("des-only", "CN=svc-scan-radio,"),
            Map.entry("no-preauth", "CN=svc-labo-unix,"),
            Map.entry("password-never-expires", "CN=medecin.garde,"),
            Map.entry("primary-group-modified", ",OU=Direction,OU=Utilisateurs"),
            Map.entry("primary-group-below-1000", "CN=tech-info-old,"),
            Map.entry("obsolete-os-member", "CN=PC-LAB-AUTOMATE01,"),
            Map.entry("dc-obsolete-os", "CN=DC03,"),
            Map.entry("dc-password-old", "CN=DC03,"),
            Map.entry("dc-inactive", "CN=DC03,"),
            Map.entry("machine-account-quota", DOMAIN),
            Map.entry("functional-level-obsolete", DOMAIN),
            Map.entry("functional-level-below-2012r2", DOMAIN),
            Map.entry("functional-level-below-2016", DOMAIN),
            Map.entry("trust-sid-filtering-disabled", "CN=ght-territoire.local,"),
            Map.entry("trust-forest-sid-history", "CN=chu-regional.local,"),
            Map.entry("trust-tgt-delegation", "CN=infogerance-sante.local,"),
            Map.entry("sid-history-present", ",OU=Cardiologie,OU=Utilisateurs"),
            Map.entry("sid-history-dangerous", "CN=adm-migration,"),
            Map.entry("krbtgt-password-old", "CN=krbtgt,CN=Users"),
            Map.entry("guest-enabled", "CN=Guest,CN=Users"),
            Map.entry("dsheuristics-dangerous", "CN=Directory Service,"),
            Map.entry("anonymous-pre-windows-2000", "CN=Pre-Windows 2000 Compatible Access,"),
            Map.entry("laps-partial", "CN=PC-RAD-001,"),
            Map.entry("group-nesting-loop", "CN=GG_Pharmacie"),
            Map.entry("recycle-bin-disabled", "CN=Partitions,CN=Configuration"),
            Map.entry("kerberoastable-user", "CN=svc-portail,"),
            Map.entry("spn-account-without-aes", "CN=svc-pacs,"),
            Map.entry("backup-ad-never-or-too-old-for-restore", "DC=DomainDnsZones," + DOMAIN),
            Map.entry("backup-ad-old", "CN=Schema,CN=Configuration," + DOMAIN),
            Map.entry("backup-operators-members", "CN=exploit.sauvegarde,"),
            Map.entry("backup-recycle-bin-disabled", "CN=Partitions,CN=Configuration"),
            Map.entry("backup-single-writable-dc", DOMAIN),
            Map.entry("backup-service-account-privileged", "CN=svc-veeam,"),
            Map.entry("backup-service-account-weak", "CN=svc-backup-sql,"),
            Map.entry("backup-server-delegation", "CN=SRV-VEEAM01,"),
            Map.entry("backup-server-domain-joined", "CN=SRV-VEEAM01,"),
            Map.entry("backup-server-without-laps", "CN=SRV-VEEAM01,"),
            Map.entry("backup-repo-mounted-rw", "/mnt/nas-sauvegarde"),
            Map.entry("backup-share-open-write", "/srv/sauvegardes"),
            Map.entry("backup-service-domain-admin", "CN=svc-veeam,OU=Comptes de service"),
            Map.entry("backup-nfs-export-open", "/srv/sauvegardes"),
            Map.entry("backup-files-world-writable", "/srv/sauvegardes/veeam/Sauvegarde DPI/SRV-DPI01.vm-1042D"),
            Map.entry("backup-stale", "/srv/sauvegardes/veeam"),
            Map.entry("backup-files-world-readable", "/srv/sauvegardes/veeam/Sauvegarde PACS/SRV-PACS01.vm-2087D"),
            Map.entry("backup-host-domain-joined", "srv-veeam"),
            Map.entry("backup-no-immutable-copy", "srv-veeam"));

    static DemoDomain demo;
    static DirectorySnapshot snapshot;
    static HostSnapshot host;
    static AuditResult result;

    @BeforeAll
    static void collectAndAudit() throws Exception {
        demo = DemoDomain.start(NOW);
        snapshot = new LdapDirectoryCollector(demo.target(), CollectionProgress.NONE).collect(NOW);
        host = DemoBackupHost.snapshot(NOW);
        result = new Audit(CatalogueLoader.builtIn()).run(snapshot, Optional.of(host));
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void everyCollectionStepCompletes() {
        assertThat(snapshot.steps()).allSatisfy(s -> assertThat(s.isComplete()).as(s.toString()).isTrue());
        assertThat(snapshot.isComplete()).isTrue();
        assertThat(snapshot.users().count()).isBetween(280L, 340L);
        assertThat(snapshot.computers().count()).isBetween(140L, 170L);
    }

    /** The host-side backup rules, evaluated on the demo's sample backup host. */
    static final Set<String> HOST_RULES = CheckRegistry.hostByRuleId(CheckRegistry.hostChecks()).keySet();

    @Test
    void everyRuleFailsExceptTheDocumentedExclusiveOne() {
        List<String> wrong = new ArrayList<>();
        for (RuleResult r : result.results()) {
            RuleStatus expected = EXCLUSIVE_PASSING.contains(r.rule().id()) ? RuleStatus.PASS : RuleStatus.FAIL;
            if (r.status() != expected) {
                wrong.add(r.rule().id() + " is " + r.status() + " (expected " + expected + ")"
                        + (r.missingData().isEmpty() ? "" : ", missing " + r.missingData()));
            }
        }
        assertThat(wrong).as("rules whose outcome on the demo domain is not the documented one").isEmpty();
        assertThat(result.results()).hasSizeGreaterThanOrEqualTo(59 + 9);
        assertThat(HOST_RULES).hasSize(9);
    }

    @Test
    void eachRuleFindsTheObjectPlantedForIt() {
        Map<String, RuleResult> byId = result.results().stream().collect(Collectors.toMap(r -> r.rule().id(), r -> r));
        List<String> missing = new ArrayList<>();
        PLANTED.forEach((rule, planted) -> {
            RuleResult r = byId.get(rule);
            if (r == null) {
                missing.add(rule + ": not in the catalogue");
            } else if (r.evidence().stream().map(Evidence::object).noneMatch(o -> o.contains(planted))) {
                missing.add(rule + ": no evidence on " + planted + " in "
                        + r.evidence().stream().map(Evidence::object).limit(5).toList());
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFailingRuleOfTheCatalogueHasADocumentedExample() {
        List<String> undocumented = result.results().stream().map(r -> r.rule().id())
                .filter(id -> !EXCLUSIVE_PASSING.contains(id) && !PLANTED.containsKey(id))
                .toList();
        assertThat(undocumented).as("add the planted example to PLANTED and docs/demo-domain.md").isEmpty();
    }

    @Test
    void cleanAdministratorsAreNotReported() {
        RuleResult notProtected = result.results().stream()
                .filter(r -> r.rule().id().equals("privileged-not-protected-users")).findFirst().orElseThrow();
        assertThat(notProtected.evidence()).extracting(Evidence::object)
                .noneMatch(o -> o.startsWith("CN=adm-dsi,") || o.startsWith("CN=adm-rssi,"));
        RuleResult unconstrained = result.results().stream()
                .filter(r -> r.rule().id().equals("delegation-unconstrained")).findFirst().orElseThrow();
        assertThat(unconstrained.evidence()).extracting(Evidence::object).noneMatch(o -> o.contains("OU=Domain "
                + "Controllers"));
    }

    private static RuleResult rule(String id) {
        return result.results().stream().filter(r -> r.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theVeeamServiceAccountOfTheSampleHostIsFoundInTheDirectoryAsADomainAdmin() {
        List<Evidence> found = rule("backup-service-domain-admin").evidence();
        assertThat(found).isNotEmpty().allSatisfy(e -> {
            assertThat(e.object()).startsWith("CN=svc-veeam,OU=Comptes de service,OU=CH Exemple,");
            assertThat(e.attributes().get("runs as")).isEqualTo("svc-veeam@ch-exemple.local");
            assertThat(e.attributes().get("privileged through")).contains("Domain Admins");
            assertThat(e.attributes().get("matched by")).isEqualTo("name 'svc-veeam' in domain ch-exemple.local");
        });
        assertThat(found).extracting(e -> e.attributes().get("service")).contains("veeamtransport");
    }

    @Test
    void theSampleHostFindingsCarryTheDocumentedDetails() {
        Evidence export = rule("backup-nfs-export-open").evidence().get(0);
        assertThat(export.name()).isEqualTo("*");
        assertThat(export.attributes().get("problems")).isEqualTo("rw to everyone (*); no_root_squash");
        assertThat(rule("backup-share-open-write").evidence()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("sauvegardes");
            assertThat(e.attributes().get("who can write")).contains("guests");
        });
        assertThat(rule("backup-repo-mounted-rw").evidence()).singleElement().satisfies(e ->
                assertThat(e.attributes().get("type")).isEqualTo("nfs4"));
        assertThat(rule("backup-stale").evidence()).extracting(Evidence::object)
                .containsExactly(DemoBackupHost.LOCATION, DemoBackupHost.NAS_LOCATION);
        assertThat(rule("backup-stale").evidence()).allSatisfy(e ->
                assertThat(Long.parseLong(e.attributes().get("age (hours)"))).isBetween(5 * 24L, 6 * 24L));
        assertThat(rule("backup-files-world-writable").evidence()).extracting(Evidence::object)
                .anyMatch(o -> o.endsWith(".vbk")).contains(DemoBackupHost.LOCATION + "/Sauvegarde DPI")
                .noneMatch(o -> o.endsWith(".vib"));
        assertThat(rule("backup-files-world-readable").evidence()).extracting(Evidence::object)
                .anyMatch(o -> o.endsWith(".vib")).anyMatch(o -> o.endsWith(".vbk"));
        assertThat(rule("backup-host-domain-joined").evidence()).singleElement().satisfies(e ->
                assertThat(e.attributes().get("production domain")).isEqualTo("the audited domain ch-exemple.local"));
        assertThat(rule("backup-no-immutable-copy").evidence()).singleElement().satisfies(e ->
                assertThat(e.attributes().get("immutable backups")).isEqualTo("0"));
    }

    @Test
    void theCleanSharesAndExportsOfTheSampleHostAreNotReported() {
        assertThat(rule("backup-nfs-export-open").evidence()).extracting(Evidence::object).doesNotContain("/srv/iso");
        assertThat(rule("backup-share-open-write").evidence()).extracting(Evidence::name).doesNotContain("iso");
        assertThat(rule("backup-repo-mounted-rw").evidence()).extracting(Evidence::object)
                .doesNotContain(DemoBackupHost.REPOSITORY, "/");
    }
}
