package fr.vigie.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.StepStatus;
import fr.vigie.snapshot.Uac;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a Samba AD DC in which {@code scripts/samba/plant.sh} planted known misconfigurations: each one
 * must make the right rule fail with evidence naming the planted object and value, and no planted object may show
 * up in a rule it has no business in. The same DC is then read by impacket's enumeration tools, an independent
 * implementation, whose lists must agree with the snapshot and the rules' evidence.
 *
 * <p>The snapshot is collected over LDAPS by {@code vigie-audit}, an ordinary Domain Users member: the read-only
 * account the agent is meant to run as. Runs only with {@code -Dvigie.samba=true} (see {@link SambaCleanDomainTest}).
 */
class SambaPlantedDomainTest {
    private static final String USERS = "CN=Users," + SambaDc.BASE_DN;
    private static final String COMPUTERS = "CN=Computers," + SambaDc.BASE_DN;
    private static final String DC1 = "CN=DC1,OU=Domain Controllers," + SambaDc.BASE_DN;
    private static final String DIRECTORY_SERVICE =
            "CN=Directory Service,CN=Windows NT,CN=Services,CN=Configuration," + SambaDc.BASE_DN;
    private static final String PRE_WINDOWS_2000 = "CN=Pre-Windows 2000 Compatible Access,CN=Builtin," + SambaDc.BASE_DN;
    private static final String ANONYMOUS_FSP = "CN=S-1-5-7,CN=ForeignSecurityPrincipals," + SambaDc.BASE_DN;

    /**
     * Every object planted by plant.sh (by DN) with the rules whose evidence must name it, and only those. The
     * reason for each rule beyond the one planted is given inline.
     */
    static final Map<String, Set<String>> PLANTED = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        // svc-sql: a Domain Admin, so also delegable and outside Protected Users; its SPN makes it kerberoastable,
        // with RC4 only (msDS-SupportedEncryptionTypes unset), like every planted SPN account.
        PLANTED.put("CN=svc-sql," + USERS, Set.of("privileged-spn", "privileged-password-never-expires",
                "password-never-expires", "kerberoastable-user", "spn-account-without-aes", "privileged-delegable",
                "privileged-not-protected-users"));
        PLANTED.put("CN=asrep-user," + USERS, Set.of("no-preauth"));
        PLANTED.put("CN=nopwd-user," + USERS, Set.of("password-not-required"));
        PLANTED.put("CN=roast-user," + USERS, Set.of("kerberoastable-user", "spn-account-without-aes"));
        PLANTED.put("CN=SRV-UNCON," + COMPUTERS, Set.of("delegation-unconstrained"));
        PLANTED.put("CN=svc-kcd," + USERS, Set.of("delegation-constrained-to-dc", "kerberoastable-user",
                "spn-account-without-aes"));
        PLANTED.put("CN=svc-t2a4d," + USERS, Set.of("delegation-protocol-transition-to-dc", "kerberoastable-user",
                "spn-account-without-aes"));
        // The grantee of RBCD is not at fault, and RBCD on an unprivileged member server is no finding.
        PLANTED.put("CN=SRV-RBCD," + COMPUTERS, Set.of());
        PLANTED.put("CN=SRV-FILE," + COMPUTERS, Set.of());
        PLANTED.put(DC1, Set.of("delegation-rbcd-on-privileged"));
        PLANTED.put("CN=dormant-user," + USERS, Set.of("user-dormant"));
        // backup-op: its name makes it look like a backup service account, hence the backup-* rules.
        PLANTED.put("CN=backup-op," + USERS, Set.of("operators-not-empty", "privileged-delegable",
                "backup-operators-members", "backup-service-account-weak",
                "privileged-not-protected-users"));
        PLANTED.put("CN=schema-adm," + USERS, Set.of("schema-admins-not-empty", "privileged-delegable",
                "privileged-not-protected-users"));
        PLANTED.put("CN=sidhist-user," + USERS, Set.of("sid-history-dangerous", "sid-history-present"));
        // Domain Admins through primaryGroupID: privileged, hence the two privileged-* rules.
        PLANTED.put("CN=pgid-user," + USERS, Set.of("primary-group-modified", "primary-group-below-1000",
                "privileged-delegable", "privileged-not-protected-users"));
        PLANTED.put("CN=loop-a," + USERS, Set.of("group-nesting-loop"));
        PLANTED.put("CN=loop-b," + USERS, Set.of("group-nesting-loop"));
        PLANTED.put("CN=PC-XP," + COMPUTERS, Set.of("obsolete-os-member"));
        // Guest's stock userAccountControl has PASSWD_NOTREQD and DONT_EXPIRE_PASSWORD: enabled, they count.
        PLANTED.put("CN=Guest," + USERS, Set.of("guest-enabled", "password-not-required", "password-never-expires"));
        PLANTED.put(DIRECTORY_SERVICE, Set.of("dsheuristics-dangerous"));
        PLANTED.put(PRE_WINDOWS_2000, Set.of("anonymous-pre-windows-2000"));
    }

    @TempDir
    static Path tmp;

    private static SambaDc dc;
    private static final Map<String, List<Map<String, String>>> IMPACKET = new java.util.concurrent.ConcurrentHashMap<>();
    private static DirectorySnapshot snapshot;
    private static AuditResult audit;

    @BeforeAll
    static void startAndPlant() throws Exception {
        if (!SambaDc.enabled()) {
            return; // every test is then skipped, visibly, by requireSamba()
        }
        dc = SambaDc.provision(tmp.resolve("dc"));
        dc.start();
        dc.plant();
        snapshot = SambaDc.collect(dc.ldaps(SambaDc.AUDIT_UPN, dc.auditPassword()));
        audit = new Audit(CatalogueLoader.builtIn()).run(snapshot);
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

    @Test
    void theReadOnlyAuditAccountCollectsEverything() {
        assertThat(snapshot.steps()).allSatisfy(step -> assertThat(step.status())
                .as("%s: %s", step.source(), step.error().orElse("")).isEqualTo(StepStatus.COMPLETE));
        assertThat(SambaDc.directoryRulesNotEvaluated(audit)).isEmpty();
    }

    // ---- the collector reads the planted values -----------------------------------------------------------------

    @Test
    void plantedAccountAttributesAreCollectedAsWritten() {
        assertThat(account("svc-sql").userAccountControl()).isEqualTo(0x10200);
        assertThat(account("svc-sql").servicePrincipalNames()).containsExactly("MSSQLSvc/sql01.ch-test.local:1433");
        assertThat(account("asrep-user").userAccountControl()).isEqualTo(0x400200);
        assertThat(account("nopwd-user").userAccountControl()).isEqualTo(0x220);
        assertThat(account("SRV-UNCON$").userAccountControl()).isEqualTo(0x81000);
        assertThat(account("svc-kcd").allowedToDelegateTo()).containsExactly("ldap/dc1.ch-test.local");
        assertThat(account("svc-t2a4d").allowedToDelegateTo()).containsExactly("cifs/dc1.ch-test.local");
        assertThat(account("svc-t2a4d").has(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION)).isTrue();
        assertThat(account("DC1$").allowedToActOnBehalfOf()).containsExactly(account("SRV-RBCD$").sid());
        assertThat(account("SRV-FILE$").allowedToActOnBehalfOf()).containsExactly(account("SRV-RBCD$").sid());
        assertThat(account("dormant-user").whenCreated()).contains(Instant.parse("2020-01-15T00:00:00Z"));
        assertThat(account("dormant-user").pwdLastSet()).contains(Instant.parse("2021-03-01T00:00:00Z"));
        assertThat(account("dormant-user").lastLogonTimestamp()).contains(Instant.parse("2021-06-01T00:00:00Z"));
        assertThat(account("sidhist-user").sidHistory()).containsExactly("S-1-5-32-544");
        assertThat(account("pgid-user").primaryGroupId()).isEqualTo(512);
        assertThat(account("Guest").enabled()).isTrue();
        assertThat(account("PC-XP$").computer()).hasValueSatisfying(c -> {
            assertThat(c.operatingSystem()).contains("Windows XP Professional");
            assertThat(c.operatingSystemVersion()).contains("5.1 (2600)");
        });
        assertThat(snapshot.directoryService().dsHeuristics()).contains("0000002");
        assertThat(group("loop-a").members()).containsExactly("CN=loop-b," + USERS);
        assertThat(group("loop-b").members()).containsExactly("CN=loop-a," + USERS);
        assertThat(group("Pre-Windows 2000 Compatible Access").members()).anyMatch(ANONYMOUS_FSP::equalsIgnoreCase);
        assertThat(snapshot.foreignPrincipals()).anyMatch(f -> f.sid().equals("S-1-5-7"));
    }

    // ---- each planted misconfiguration fails its rule, with the planted value as evidence ------------------------

    @Test
    void aDomainAdminWithAnSpnAndANeverExpiringPasswordIsFlagged() {
        assertEvidence("privileged-spn", "svc-sql", "servicePrincipalName", "MSSQLSvc/sql01.ch-test.local:1433");
        assertEvidence("privileged-password-never-expires", "svc-sql", "userAccountControl", "DONT_EXPIRE_PASSWORD");
        assertEvidence("password-never-expires", "svc-sql", "userAccountControl", "DONT_EXPIRE_PASSWORD");
        assertEvidence("kerberoastable-user", "svc-sql", "servicePrincipalName", "MSSQLSvc/sql01.ch-test.local:1433");
    }

    @Test
    void anAccountWithoutKerberosPreauthenticationIsFlagged() {
        assertEvidence("no-preauth", "asrep-user", "userAccountControl", "0x400200 (NORMAL_ACCOUNT|DONT_REQ_PREAUTH)");
    }

    @Test
    void anAccountWithoutARequiredPasswordIsFlagged() {
        assertEvidence("password-not-required", "nopwd-user", "userAccountControl",
                "0x220 (PASSWD_NOTREQD|NORMAL_ACCOUNT)");
    }

    @Test
    void aKerberoastableUserIsFlagged() {
        assertEvidence("kerberoastable-user", "roast-user", "servicePrincipalName", "HTTP/app01.ch-test.local");
    }

    @Test
    void aMemberServerWithUnconstrainedDelegationIsFlagged() {
        assertEvidence("delegation-unconstrained", "SRV-UNCON$", "userAccountControl",
                "0x81000 (WORKSTATION_TRUST_ACCOUNT|TRUSTED_FOR_DELEGATION)");
    }

    @Test
    void constrainedDelegationToAServiceOfTheDcIsFlagged() {
        assertEvidence("delegation-constrained-to-dc", "svc-kcd", "msDS-AllowedToDelegateTo", "ldap/dc1.ch-test.local");
    }

    @Test
    void protocolTransitionToAServiceOfTheDcIsFlagged() {
        assertEvidence("delegation-protocol-transition-to-dc", "svc-t2a4d", "msDS-AllowedToDelegateTo",
                "cifs/dc1.ch-test.local");
        assertEvidence("delegation-protocol-transition-to-dc", "svc-t2a4d", "userAccountControl",
                "TRUSTED_TO_AUTH_FOR_DELEGATION");
    }

    @Test
    void resourceBasedDelegationOnTheDcIsFlagged() {
        String grantee = account("SRV-RBCD$").sid() + " (SRV-RBCD$)";
        assertEvidence("delegation-rbcd-on-privileged", "DC1$", "msDS-AllowedToActOnBehalfOfOtherIdentity", grantee);
    }

    @Test
    void aDormantUserIsFlagged() {
        assertEvidence("user-dormant", "dormant-user", "lastLogonTimestamp", "2021-06-01");
        assertEvidence("user-dormant", "dormant-user", "pwdLastSet", "2021-03-01");
        assertEvidence("user-dormant", "dormant-user", "whenCreated", "2020-01-15");
    }

    @Test
    void membersOfOperatorAndSchemaAdminGroupsAreFlagged() {
        assertNamed("operators-not-empty", "backup-op");
        assertNamed("schema-admins-not-empty", "schema-adm");
    }

    @Test
    void aDangerousSidHistoryIsFlagged() {
        assertEvidence("sid-history-dangerous", "sidhist-user", "sIDHistory", "S-1-5-32-544");
        assertEvidence("sid-history-present", "sidhist-user", "sIDHistory", "S-1-5-32-544");
    }

    @Test
    void anEnabledGuestIsFlagged() {
        assertEvidence("guest-enabled", "Guest", "userAccountControl", "0x10220");
    }

    @Test
    void anonymousLdapThroughDsHeuristicsIsFlagged() {
        Evidence e = evidence("dsheuristics-dangerous", DIRECTORY_SERVICE);
        assertThat(e.attributes()).containsEntry("dSHeuristics", "0000002");
    }

    @Test
    void aUserWithDomainAdminsAsPrimaryGroupIsFlagged() {
        assertEvidence("primary-group-modified", "pgid-user", "primaryGroupID", "512");
        assertEvidence("primary-group-below-1000", "pgid-user", "primaryGroupID", "512");
    }

    @Test
    void aGroupNestingLoopIsFlagged() {
        List<Evidence> loops = failing("group-nesting-loop").evidence();
        assertThat(loops).singleElement().satisfies(e -> {
            assertThat(e.name()).isIn("loop-a", "loop-b");
            assertThat(String.join(" ", e.attributes().values())).contains("loop-a", "loop-b");
        });
    }

    @Test
    void anObsoleteMemberOperatingSystemIsFlagged() {
        assertEvidence("obsolete-os-member", "PC-XP$", "operatingSystem", "Windows XP Professional");
    }

    @Test
    void anonymousInPreWindows2000CompatibleAccessIsFlagged() {
        Evidence e = evidence("anonymous-pre-windows-2000", PRE_WINDOWS_2000);
        assertThat(String.join(" ", e.attributes().values())).contains("S-1-5-7");
    }

    // ---- and nothing else ---------------------------------------------------------------------------------------

    @Test
    void everyPlantedObjectAppearsInExactlyItsExpectedRules() {
        Map<String, Set<String>> actual = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String dn : PLANTED.keySet()) {
            actual.put(dn, rulesNaming(dn));
        }
        assertThat(actual).isEqualTo(PLANTED);
    }

    @Test
    void failingRulesAreTheStockOnesAndThePlantedOnes() {
        Set<String> expected = new TreeSet<>(SambaCleanDomainTest.STOCK_DOMAIN_FAILURES);
        PLANTED.values().forEach(expected::addAll);
        assertThat(SambaCleanDomainTest.failingRuleIds(audit)).isEqualTo(expected);
    }

    // ---- cross-check with impacket on the same DC ---------------------------------------------------------------

    @Test
    void findDelegationListsTheSameUnconstrainedDelegations() {
        Set<String> impacket = rows("findDelegation", "DelegationType", "Unconstrained").stream()
                .map(r -> r.get("AccountName")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inSnapshot = enabledAccounts().filter(a -> !a.isDomainController())
                .filter(a -> a.has(Uac.TRUSTED_FOR_DELEGATION)).map(Account::samAccountName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacket).isEqualTo(inSnapshot).isEqualTo(namesIn("delegation-unconstrained"))
                .containsExactly("SRV-UNCON$");
    }

    @Test
    void findDelegationListsTheSameConstrainedDelegations() {
        List<Map<String, String>> all = impacket("findDelegation");
        Set<String> impacket = all.stream().filter(r -> r.get("DelegationType").startsWith("Constrained"))
                .map(r -> r.get("AccountName") + " -> " + r.get("DelegationRightsTo"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inSnapshot = enabledAccounts().filter(a -> !a.isDomainController())
                .flatMap(a -> a.allowedToDelegateTo().stream().map(spn -> a.samAccountName() + " -> " + spn))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacket).isEqualTo(inSnapshot)
                .containsExactly("svc-kcd -> ldap/dc1.ch-test.local", "svc-t2a4d -> cifs/dc1.ch-test.local");

        // Every target here is a service of the DC: plain constrained delegation and protocol transition split
        // between the two *-to-dc rules exactly as impacket labels them.
        Set<String> withTransition = all.stream()
                .filter(r -> r.get("DelegationType").equals("Constrained w/ Protocol Transition"))
                .map(r -> r.get("AccountName")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutTransition = all.stream().filter(r -> r.get("DelegationType").equals("Constrained"))
                .map(r -> r.get("AccountName")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(namesIn("delegation-protocol-transition-to-dc")).isEqualTo(withTransition);
        assertThat(namesIn("delegation-constrained-to-dc")).isEqualTo(withoutTransition);
    }

    @Test
    void findDelegationListsTheSameResourceBasedDelegationsExceptOnDcs() {
        Set<String> impacket = rows("findDelegation", "DelegationType", "Resource-Based Constrained").stream()
                .map(r -> r.get("AccountName") + " -> " + r.get("DelegationRightsTo"))
                .collect(Collectors.toCollection(TreeSet::new));
        // impacket 0.10's findDelegation filters out SERVER_TRUST_ACCOUNT objects: the RBCD on DC1 is not listed
        // by it, only by the snapshot (and the rule below).
        Set<String> inSnapshot = enabledAccounts().filter(a -> !a.isDomainController())
                .flatMap(a -> a.allowedToActOnBehalfOf().stream()
                        .map(sid -> accountBySid(sid).map(Account::samAccountName).orElse(sid) + " -> "
                                + a.samAccountName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacket).isEqualTo(inSnapshot).containsExactly("SRV-RBCD$ -> SRV-FILE$");
        assertThat(namesIn("delegation-rbcd-on-privileged")).containsExactly("DC1$");
    }

    @Test
    void getNpUsersListsTheSameAsRepRoastableAccounts() {
        Set<String> impacket = impacket("GetNPUsers").stream().map(r -> r.get("Name"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacket).isEqualTo(namesIn("no-preauth")).containsExactly("asrep-user");
    }

    @Test
    void getUserSpnsListsTheSameKerberoastableUsers() {
        List<Map<String, String>> rows = impacket("GetUserSPNs");
        Set<String> impacket = rows.stream().map(r -> r.get("Name")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacket).isEqualTo(namesIn("kerberoastable-user"))
                .containsExactly("roast-user", "svc-kcd", "svc-sql", "svc-t2a4d");
        Set<String> impacketSpns = rows.stream().map(r -> r.get("Name") + " " + r.get("ServicePrincipalName"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> snapshotSpns = impacket.stream().flatMap(n -> account(n).servicePrincipalNames().stream()
                .map(spn -> n + " " + spn)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(impacketSpns).isEqualTo(snapshotSpns);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Account account(String sam) {
        return snapshot.accounts().stream().filter(a -> a.samAccountName().equalsIgnoreCase(sam)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + sam + " in the snapshot"));
    }

    private static Optional<Account> accountBySid(String sid) {
        return snapshot.accounts().stream().filter(a -> a.sid().equals(sid)).findFirst();
    }

    private static Group group(String sam) {
        return snapshot.groups().stream().filter(g -> g.samAccountName().equalsIgnoreCase(sam)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + sam + " in the snapshot"));
    }

    private static Stream<Account> enabledAccounts() {
        return snapshot.accounts().stream().filter(Account::enabled);
    }

    private static RuleResult failing(String ruleId) {
        RuleResult r = SambaCleanDomainTest.byRuleId(audit).get(ruleId);
        assertThat(r).as("rule %s exists in the catalogue", ruleId).isNotNull();
        assertThat(r.status()).as("status of %s", ruleId).isEqualTo(RuleStatus.FAIL);
        return r;
    }

    /** The evidence of a failing rule about the object with this DN (exactly one). */
    private static Evidence evidence(String ruleId, String dn) {
        List<Evidence> about = failing(ruleId).evidence().stream().filter(e -> e.object().equalsIgnoreCase(dn))
                .toList();
        assertThat(about).as("evidence of %s about %s", ruleId, dn).hasSize(1);
        return about.get(0);
    }

    private static void assertNamed(String ruleId, String sam) {
        evidence(ruleId, account(sam).dn());
    }

    private static void assertEvidence(String ruleId, String sam, String attribute, String expectedPart) {
        Evidence e = evidence(ruleId, account(sam).dn());
        assertThat(e.name()).isEqualTo(account(sam).samAccountName());
        assertThat(e.attributes()).as("evidence of %s about %s", ruleId, sam).containsKey(attribute);
        assertThat(e.attributes().get(attribute)).as("%s of %s in %s", attribute, sam, ruleId).contains(expectedPart);
    }

    /** sAMAccountNames named by the evidence of a rule (empty when it passes). */
    private static Set<String> namesIn(String ruleId) {
        return SambaCleanDomainTest.byRuleId(audit).get(ruleId).evidence().stream().map(Evidence::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Ids of the failing rules with an evidence about the object with this DN: the evidence's object, or a DN in
     * one of its values (a group loop names its groups in its "cycle (DN)"). Names and SIDs in values do not count:
     * the grantee of an RBCD is mentioned by the DC's evidence, not accused by it.
     */
    private static Set<String> rulesNaming(String dn) {
        Set<String> ids = new TreeSet<>();
        for (RuleResult r : audit.failing()) {
            if (r.evidence().stream().anyMatch(e -> e.object().equalsIgnoreCase(dn)
                    || e.attributes().values().stream().flatMap(v -> Stream.of(v.split(" -> |, ")))
                            .anyMatch(dn::equalsIgnoreCase))) {
                ids.add(r.rule().id());
            }
        }
        return ids;
    }

    private static List<Map<String, String>> rows(String tool, String column, String value) {
        return impacket(tool).stream().filter(r -> value.equals(r.get(column))).toList();
    }

    /** The tool's rows, run once per class (each run starts a Python interpreter). */
    private static List<Map<String, String>> impacket(String tool) {
        return IMPACKET.computeIfAbsent(tool, dc::impacket);
    }
}
