package fr.vigie.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.config.Secret;
import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DcServer;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.StepStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a freshly provisioned Samba 4.17 AD DC (ch-test.local) on loopback: what a stock domain looks
 * like through the collector, which rules a stock domain legitimately fails, and how the collector reports bad
 * connection settings against a real server.
 *
 * <p>Runs only with {@code -Dvigie.samba=true} (CI: {@code .ci/run}); otherwise it is reported as skipped. When
 * enabled, a failure to provision or start the DC fails the tests. Needs root and the packages of
 * {@code scripts/samba/install-deps.sh}.
 */
class SambaCleanDomainTest {
    @TempDir
    static Path tmp;

    private static SambaDc dc;
    private static DirectorySnapshot adminSnapshot;

    @BeforeAll
    static void startDomainController() throws Exception {
        if (!SambaDc.enabled()) {
            return; // every test is then skipped, visibly, by requireSamba()
        }
        dc = SambaDc.provision(tmp.resolve("dc"));
        dc.start();
        // A first bind as vigie-audit sets its lastLogonTimestamp (Samba then leaves it alone for 9-14 days, like
        // AD): every snapshot taken afterwards sees the same value, whichever account collects.
        SambaDc.collect(dc.ldaps(SambaDc.AUDIT_UPN, dc.auditPassword()));
        adminSnapshot = SambaDc.collect(dc.ldaps(SambaDc.ADMIN_UPN, dc.adminPassword()));
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

    // ---- the snapshot of a stock domain --------------------------------------------------------------------------

    @Test
    void everyCollectionStepCompletesOverLdaps() {
        assertThat(adminSnapshot.steps()).extracting(CollectionStep::source)
                .containsExactlyInAnyOrder(DataSource.values());
        assertThat(adminSnapshot.steps()).allSatisfy(step -> assertThat(step.status())
                .as("%s: %s", step.source(), step.error().orElse("")).isEqualTo(StepStatus.COMPLETE));
        assertThat(adminSnapshot.isComplete()).isTrue();
        assertThat(adminSnapshot.source()).isEqualTo("127.0.0.1:636");
    }

    @Test
    void domainFactsAreThoseOfTheProvisionedDomain() {
        var domain = adminSnapshot.domain();
        assertThat(domain.dn()).isEqualTo(SambaDc.BASE_DN);
        assertThat(domain.dnsName()).isEqualTo(SambaDc.DNS_DOMAIN);
        assertThat(domain.sid()).isEqualTo(dc.domainSid()).startsWith("S-1-5-21-");
        // samba-tool provisions at the Windows 2008 R2 functional level (4) by default.
        assertThat(domain.domainFunctionalLevel()).isEqualTo(4);
        assertThat(domain.forestFunctionalLevel()).isEqualTo(4);
        assertThat(domain.configurationNc()).isEqualTo("CN=Configuration," + SambaDc.BASE_DN);
        assertThat(domain.schemaNc()).isEqualTo("CN=Schema,CN=Configuration," + SambaDc.BASE_DN);
        assertThat(domain.rootDomainNc()).isEqualTo(SambaDc.BASE_DN);
        assertThat(domain.isForestRoot()).isTrue();
        assertThat(domain.serverDnsName()).isEqualToIgnoringCase(SambaDc.DC_FQDN);
        assertThat(domain.machineAccountQuota()).contains(10);
        assertThat(domain.lapsLegacySchema()).isFalse();
        assertThat(domain.lapsWindowsSchema()).isFalse();
    }

    @Test
    void theOnlyDomainControllerIsDc1() {
        assertThat(adminSnapshot.dcServers()).singleElement().satisfies(server -> {
            assertThat(server.dnsHostName().map(String::toLowerCase)).contains(SambaDc.DC_FQDN);
            assertThat(server.computerDn()).contains("CN=DC1,OU=Domain Controllers," + SambaDc.BASE_DN);
            assertThat(server.site()).isEqualTo("Default-First-Site-Name");
            assertThat(server.hasNtdsSettings()).isTrue();
            assertThat(server.readOnly()).isFalse();
        });
        assertThat(adminSnapshot.computers().filter(Account::isDomainController)).singleElement().satisfies(a -> {
            assertThat(a.dn()).isEqualTo("CN=DC1,OU=Domain Controllers," + SambaDc.BASE_DN);
            assertThat(a.samAccountName()).isEqualTo("DC1$");
            assertThat(a.primaryGroupId()).isEqualTo(516);
            assertThat(a.sid()).startsWith(dc.domainSid() + "-");
        });
    }

    @Test
    void builtInAccountsAreRead() {
        Map<String, Account> users = bySam(adminSnapshot);
        assertThat(users).containsKeys("Administrator", "Guest", "krbtgt", "vigie-audit", "DC1$");
        assertThat(users.get("Administrator").sid()).isEqualTo(dc.domainSid() + "-500");
        assertThat(users.get("Administrator").enabled()).isTrue();
        assertThat(users.get("Guest").sid()).isEqualTo(dc.domainSid() + "-501");
        assertThat(users.get("Guest").enabled()).isFalse();
        assertThat(users.get("krbtgt").sid()).isEqualTo(dc.domainSid() + "-502");
        assertThat(users.get("krbtgt").enabled()).isFalse();
        assertThat(users.get("krbtgt").servicePrincipalNames()).containsExactly("kadmin/changepw");
        assertThat(users.get("vigie-audit").enabled()).isTrue();
        assertThat(users.get("vigie-audit").primaryGroupId()).isEqualTo(513);
        assertThat(adminSnapshot.groups()).extracting(g -> g.samAccountName())
                .contains("Domain Admins", "Enterprise Admins", "Schema Admins", "Administrators",
                        "Backup Operators", "Pre-Windows 2000 Compatible Access", "Protected Users");
    }

    // ---- same domain through other transports and accounts ---------------------------------------------------------

    @Test
    void startTlsOn389ReadsTheSameDirectory() throws Exception {
        DirectorySnapshot viaStartTls = SambaDc.collect(SambaDc.target(Transport.STARTTLS, 389, dc.trustedCa(),
                SambaDc.ADMIN_UPN, dc.adminPassword()));
        assertThat(viaStartTls.isComplete()).isTrue();
        assertThat(viaStartTls.source()).isEqualTo("127.0.0.1:389");
        assertSameDirectory(viaStartTls, adminSnapshot);
    }

    @Test
    void plainLdapOn389WorksWhenExplicitlyInsecure() throws Exception {
        // smb.conf has "ldap server require strong auth = no": Samba accepts a simple bind in clear.
        DirectorySnapshot plain = SambaDc.collect(SambaDc.target(Transport.PLAIN_INSECURE, 389, dc.unrelatedCa(),
                SambaDc.ADMIN_UPN, dc.adminPassword()));
        assertThat(plain.isComplete()).isTrue();
        assertSameDirectory(plain, adminSnapshot);
    }

    @Test
    void theUnprivilegedAuditAccountSeesWhatTheAdministratorSees() throws Exception {
        DirectorySnapshot audit = SambaDc.collect(dc.ldaps(SambaDc.AUDIT_UPN, dc.auditPassword()));
        assertThat(audit.steps()).allSatisfy(step -> assertThat(step.status())
                .as("%s: %s", step.source(), step.error().orElse("")).isEqualTo(StepStatus.COMPLETE));
        assertSameDirectory(audit, adminSnapshot);
        assertThat(audit.domain()).isEqualTo(adminSnapshot.domain());
        assertThat(audit.dcServers()).isEqualTo(adminSnapshot.dcServers());
        assertThat(audit.directoryService()).isEqualTo(adminSnapshot.directoryService());
    }

    // ---- bad input against the real DC -------------------------------------------------------------------------------

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingIt() {
        String wrong = "Wrong-Passw0rd-" + Long.toHexString(System.nanoTime());
        CollectionException e = catchThrowableOfType(CollectionException.class,
                () -> SambaDc.collect(dc.ldaps(SambaDc.ADMIN_UPN, Secret.of(wrong.toCharArray()))));
        assertThat(e).as("collecting with a wrong password must throw").isNotNull();
        assertThat(e.reason()).isEqualTo(CollectionException.Reason.BIND_REFUSED);
        assertThat(e.getMessage()).doesNotContain(wrong).containsIgnoringCase("Administrator@ch-test.local");
        assertThat(String.valueOf(e.getCause())).doesNotContain(wrong);
    }

    @Test
    void anLdapsCertificateFromAnUnknownCaIsUntrusted() {
        CollectionException e = catchThrowableOfType(CollectionException.class, () -> SambaDc.collect(
                SambaDc.target(Transport.LDAPS, 636, dc.unrelatedCa(), SambaDc.ADMIN_UPN, dc.adminPassword())));
        assertThat(e).as("an untrusted certificate must stop the collection").isNotNull();
        assertThat(e.reason()).isEqualTo(CollectionException.Reason.TLS_UNTRUSTED);
    }

    @Test
    void aStartTlsCertificateFromAnUnknownCaIsUntrusted() {
        CollectionException e = catchThrowableOfType(CollectionException.class, () -> SambaDc.collect(
                SambaDc.target(Transport.STARTTLS, 389, dc.unrelatedCa(), SambaDc.ADMIN_UPN, dc.adminPassword())));
        assertThat(e).as("an untrusted certificate must stop the collection").isNotNull();
        assertThat(e.reason()).isEqualTo(CollectionException.Reason.TLS_UNTRUSTED);
    }

    @Test
    void ldapsAgainstThePlainPortFailsInsteadOfFallingBackToClearText() {
        CollectionException e = catchThrowableOfType(CollectionException.class, () -> SambaDc.collect(
                SambaDc.target(Transport.LDAPS, 389, dc.trustedCa(), SambaDc.ADMIN_UPN, dc.adminPassword())));
        assertThat(e).as("LDAPS to a plain LDAP port must fail before any bind").isNotNull();
        // Samba answers a TLS ClientHello on 389 by resetting the connection, before any certificate: that is a TLS
        // failure ("check that this port speaks LDAPS"), not an unreachable DC. Nothing was sent in clear.
        assertThat(e.reason()).isEqualTo(CollectionException.Reason.TLS_FAILED);
        assertThat(e.getMessage()).contains("127.0.0.1:389", "speaks LDAPS");
    }

    // ---- the rules a stock Samba domain fails ----------------------------------------------------------------------

    @Test
    void aStockDomainFailsExactlyTheExpectedRules() {
        AuditResult result = new Audit(CatalogueLoader.builtIn()).run(adminSnapshot);
        assertThat(SambaDc.directoryRulesNotEvaluated(result)).isEmpty();
        assertThat(failingRuleIds(result)).isEqualTo(STOCK_DOMAIN_FAILURES);
    }

    /**
     * The rules a freshly provisioned Samba 4.17 domain fails: each one a true property of a stock domain, whose
     * evidence {@link #eachStockFailureIsAboutTheExpectedObjectAndValue()} pins down.
     */
    static final Set<String> STOCK_DOMAIN_FAILURES = new TreeSet<>(Arrays.asList(
            // Backup side. A fresh DC has no dSASignature on its naming contexts: never backed up.
            "backup-ad-never-or-too-old-for-restore",
            // The Recycle Bin is off (see recycle-bin-disabled), which the backup scale counts too.
            "backup-recycle-bin-disabled",
            // One DC: a lost DC means a restore from backup, there is no second writable DC to rebuild from.
            "backup-single-writable-dc",
            // samba-tool provisions at the Windows Server 2008 R2 functional level (4), domain and forest.
            "functional-level-below-2012r2",
            "functional-level-below-2016",
            // Samba 4.17's schema has neither ms-Mcs-AdmPwd (legacy LAPS) nor msLAPS-Password (Windows LAPS).
            "laps-absent",
            // ms-DS-MachineAccountQuota is 10, as on Windows: any user may join 10 computers.
            "machine-account-quota",
            // The built-in Administrator is neither "sensitive and cannot be delegated" nor in Protected Users.
            "privileged-delegable",
            "privileged-not-protected-users",
            // msDS-EnabledFeature of CN=Partitions is empty: the Recycle Bin is not enabled.
            "recycle-bin-disabled",
            // Administrator is a member of Schema Admins, as after any forest creation.
            "schema-admins-not-empty"));

    @Test
    void eachStockFailureIsAboutTheExpectedObjectAndValue() {
        Map<String, RuleResult> rules = byRuleId(new Audit(CatalogueLoader.builtIn()).run(adminSnapshot));
        String administrator = "CN=Administrator,CN=Users," + SambaDc.BASE_DN;
        String partitions = "CN=Partitions,CN=Configuration," + SambaDc.BASE_DN;
        assertThat(rules.get("backup-ad-never-or-too-old-for-restore").evidence()).extracting(Evidence::object)
                .contains(SambaDc.BASE_DN, "CN=Configuration," + SambaDc.BASE_DN);
        assertThat(rules.get("backup-single-writable-dc").evidence()).isNotEmpty();
        // DC1$ has no lastLogonTimestamp (a lone Samba DC never authenticates its own machine account), but it was
        // created minutes ago: dc-inactive must not report it.
        assertThat(rules.get("dc-inactive").status()).isEqualTo(fr.vigie.ruleset.score.RuleStatus.PASS);
        for (String id : List.of("functional-level-below-2012r2", "functional-level-below-2016")) {
            assertThat(rules.get(id).evidence()).extracting(Evidence::object)
                    .containsExactlyInAnyOrder(SambaDc.BASE_DN, partitions);
            assertThat(rules.get(id).evidence()).allSatisfy(e -> assertThat(String.join(" ", e.attributes().values()))
                    .startsWith("4 (Windows Server 2008 R2)"));
        }
        assertThat(rules.get("laps-absent").evidence()).singleElement()
                .satisfies(e -> assertThat(e.attributes().values()).containsOnly("absent from the schema"));
        assertThat(rules.get("machine-account-quota").evidence()).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("ms-DS-MachineAccountQuota", "10"));
        assertThat(rules.get("privileged-delegable").evidence()).extracting(Evidence::object)
                .containsExactly(administrator);
        assertThat(rules.get("privileged-not-protected-users").evidence()).extracting(Evidence::object)
                .containsExactly(administrator);
        assertThat(rules.get("recycle-bin-disabled").evidence()).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo(partitions);
            assertThat(e.attributes()).containsEntry("msDS-EnabledFeature", "(none)");
        });
        assertThat(rules.get("schema-admins-not-empty").evidence()).singleElement().satisfies(e -> {
            assertThat(e.object()).isEqualTo(administrator);
            assertThat(e.attributes()).containsEntry("group", "Schema Admins");
        });
    }

    static Set<String> failingRuleIds(AuditResult result) {
        return result.failing().stream().map(r -> r.rule().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, RuleResult> byRuleId(AuditResult result) {
        return result.results().stream().collect(Collectors.toMap(r -> r.rule().id(), Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    static Map<String, Account> bySam(DirectorySnapshot snapshot) {
        return snapshot.accounts().stream().collect(Collectors.toMap(Account::samAccountName, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    /** Same accounts, groups and foreign principals, attribute for attribute. */
    static void assertSameDirectory(DirectorySnapshot actual, DirectorySnapshot expected) {
        assertThat(new TreeMap<>(actual.accounts().stream().collect(Collectors.toMap(Account::dn, a -> a))))
                .isEqualTo(new TreeMap<>(expected.accounts().stream().collect(Collectors.toMap(Account::dn, a -> a))));
        assertThat(actual.groups()).containsExactlyInAnyOrderElementsOf(expected.groups());
        assertThat(actual.foreignPrincipals()).containsExactlyInAnyOrderElementsOf(expected.foreignPrincipals());
        assertThat(actual.dcServers()).extracting(DcServer::serverDn)
                .containsExactlyInAnyOrderElementsOf(expected.dcServers().stream().map(DcServer::serverDn).toList());
    }
}
