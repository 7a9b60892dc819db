package fr.vigie.agent.collect.ldap;

import static fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory.DOMAIN_DN;
import static fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory.DOMAIN_SID;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.agent.collect.ldap.adlike.AdObject;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DcServer;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.NamingContextMetadata;
import fr.vigie.snapshot.ReplAttributeMetadata;
import fr.vigie.snapshot.StepStatus;
import fr.vigie.snapshot.Trust;
import fr.vigie.snapshot.Uac;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end on a small AD-like domain: every record type with its decoded values. */
class LdapDirectoryCollectorTest {
    private static final Instant ALICE_PWD = Instant.parse("2023-04-05T06:07:08Z");
    private static final Instant ALICE_LOGON = Instant.parse("2024-12-24T18:00:00Z");
    private static final String OLD_DOMAIN_SID = "S-1-5-21-1111111111-2222222222-3333333333";
    private static final String PARTNER_SID = "S-1-5-21-3444444444-555555555-666666666";

    private static AdLikeDirectory dc;
    private static DirectorySnapshot snapshot;
    private static Targets.RecordingProgress progress;

    @BeforeAll
    static void collectSmallDomain() throws Exception {
        dc = AdLikeDirectory.builder().start();
        dc.add(AdObject.of("OU=Soins", DOMAIN_DN, "top", "organizationalUnit"));
        dc.add(AdObject.user("alice", 1105).uac(Uac.NORMAL_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD).pwdLastSet(ALICE_PWD)
                        .lastLogonTimestamp(ALICE_LOGON).spn("HTTP/web.example.test", "HTTP/web")
                        .sidHistory(OLD_DOMAIN_SID + "-512").set("description", "web service account")
                        .set("adminCount", "1").set("msDS-SupportedEncryptionTypes", "24"),
                AdObject.user("bob", 1106).set("pwdLastSet", "0").set("lastLogonTimestamp", "9223372036854775807")
                        .uac(Uac.NORMAL_ACCOUNT | Uac.ACCOUNTDISABLE),
                AdObject.user("carol", 1107).in("OU=Soins,DC=example,DC=test")
                        .set("objectClass", "top", "person", "organizationalPerson", "user", "inetOrgPerson"),
                AdObject.gmsa("gmsa-sql", 1108),
                AdObject.computer("SRV1", 1201).rbcd(DOMAIN_SID + "-1105", "S-1-1-0")
                        .uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.TRUSTED_TO_AUTH_FOR_DELEGATION)
                        .set("msDS-AllowedToDelegateTo", "cifs/fs1.example.test")
                        .set("operatingSystem", "Windows Server 2012 R2 Standard")
                        .set("ms-Mcs-AdmPwdExpirationTime", "133900000000000000"),
                AdObject.group("Helpdesk", 1300).members(List.of("CN=alice,CN=Users," + DOMAIN_DN,
                        "CN=bob,CN=Users," + DOMAIN_DN, "CN=S-1-5-11,CN=ForeignSecurityPrincipals," + DOMAIN_DN)),
                AdObject.foreignPrincipal("S-1-5-11"),
                AdObject.of("CN=S-1-5-21-9-9-9-1000", "CN=ForeignSecurityPrincipals," + DOMAIN_DN, "top",
                        "foreignSecurityPrincipal"),
                AdObject.trust("partner.test", "PARTNER", PARTNER_SID, 3, 2, Trust.FOREST_TRANSITIVE)
                        .created(Instant.parse("2019-02-03T04:05:06Z")).changed(Instant.parse("2024-11-30T00:00:00Z")),
                AdObject.of("CN=ms-Mcs-AdmPwd", AdLikeDirectory.SCHEMA_DN, "top", "attributeSchema")
                        .set("lDAPDisplayName", "ms-Mcs-AdmPwd"),
                AdObject.of("CN=Contact-One", "CN=Users," + DOMAIN_DN, "top", "person", "contact"));
        progress = new Targets.RecordingProgress();
        snapshot = Targets.collector(Targets.plain(dc.port()), progress, new java.util.ArrayList<>())
                .collect(Targets.NOW);
    }

    @AfterAll
    static void stop() {
        dc.close();
    }

    @Test
    void everyStepCompletesAndTheSnapshotIsComplete() {
        assertThat(snapshot.steps()).extracting(s -> s.source()).containsExactly(DataSource.values());
        assertThat(snapshot.steps()).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.COMPLETE));
        assertThat(snapshot.isComplete()).isTrue();
        assertThat(snapshot.collectedAt()).isEqualTo(Targets.NOW);
        assertThat(snapshot.source()).isEqualTo("127.0.0.1:" + dc.port());
        assertThat(Targets.step(snapshot, DataSource.USERS).objects()).isEqualTo(AdLikeDirectory.STANDARD_USERS + 4);
        assertThat(Targets.step(snapshot, DataSource.COMPUTERS).objects())
                .isEqualTo(AdLikeDirectory.STANDARD_COMPUTERS + 1);
    }

    @Test
    void usersCarryDecodedSidsTimesAndFlags() {
        Account alice = account("alice");
        assertThat(alice.kind()).isEqualTo(AccountKind.USER);
        assertThat(alice.dn()).isEqualTo("CN=alice,CN=Users," + DOMAIN_DN);
        assertThat(alice.sid()).isEqualTo(DOMAIN_SID + "-1105");
        assertThat(alice.userAccountControl()).isEqualTo(0x10200);
        assertThat(alice.primaryGroupId()).isEqualTo(513);
        assertThat(alice.pwdLastSet()).contains(ALICE_PWD);
        assertThat(alice.lastLogonTimestamp()).contains(ALICE_LOGON);
        assertThat(alice.whenCreated()).contains(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(alice.adminCount()).isEqualTo(1);
        assertThat(alice.servicePrincipalNames()).containsExactly("HTTP/web.example.test", "HTTP/web");
        assertThat(alice.sidHistory()).containsExactly(OLD_DOMAIN_SID + "-512");
        assertThat(alice.supportedEncryptionTypes()).contains(24);
        assertThat(alice.description()).contains("web service account");
        assertThat(alice.computer()).isEmpty();

        Account bob = account("bob");
        assertThat(bob.pwdLastSet()).as("pwdLastSet 0 = must change").isEmpty();
        assertThat(bob.lastLogonTimestamp()).as("never").isEmpty();
        assertThat(bob.enabled()).isFalse();
        assertThat(bob.adminCount()).isZero();
        assertThat(account("carol").kind()).isEqualTo(AccountKind.USER);
        assertThat(account("gmsa-sql$").kind()).isEqualTo(AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT);
        assertThat(snapshot.accounts()).extracting(Account::samAccountName).doesNotContain("Contact-One");
    }

    @Test
    void computersCarryDelegationAndOperatingSystem() {
        Account srv = account("SRV1$");
        assertThat(srv.kind()).isEqualTo(AccountKind.COMPUTER);
        assertThat(srv.allowedToActOnBehalfOf()).containsExactly(DOMAIN_SID + "-1105", "S-1-1-0");
        assertThat(srv.allowedToDelegateTo()).containsExactly("cifs/fs1.example.test");
        assertThat(srv.has(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION)).isTrue();
        assertThat(srv.computer()).hasValueSatisfying(c -> {
            assertThat(c.operatingSystem()).contains("Windows Server 2012 R2 Standard");
            assertThat(c.dnsHostName()).contains("srv1.example.test");
            assertThat(c.lapsPassword()).isTrue();
        });
        Account dc1 = account("DC1$");
        assertThat(dc1.isDomainController()).isTrue();
        assertThat(dc1.primaryGroupId()).isEqualTo(516);
        assertThat(dc1.computer().orElseThrow().lapsPassword()).isFalse();
    }

    @Test
    void groupsListTheirDirectMembers() {
        Group helpdesk = snapshot.groups().stream().filter(g -> g.samAccountName().equals("Helpdesk")).findFirst()
                .orElseThrow();
        assertThat(helpdesk.sid()).isEqualTo(DOMAIN_SID + "-1300");
        assertThat(helpdesk.groupType()).isEqualTo(-2147483646);
        assertThat(helpdesk.members()).containsExactly("CN=alice,CN=Users," + DOMAIN_DN, "CN=bob,CN=Users," + DOMAIN_DN,
                "CN=S-1-5-11,CN=ForeignSecurityPrincipals," + DOMAIN_DN);
        assertThat(snapshot.groups()).extracting(Group::rid).contains(512L, 513L, 1300L);
    }

    @Test
    void foreignPrincipalsAndTrusts() {
        assertThat(snapshot.foreignPrincipals()).extracting(ForeignPrincipal::sid)
                .containsExactlyInAnyOrder("S-1-5-11", "S-1-5-21-9-9-9-1000");
        assertThat(snapshot.trusts()).singleElement().satisfies(t -> {
            assertThat(t.trustPartner()).isEqualTo("partner.test");
            assertThat(t.flatName()).contains("PARTNER");
            assertThat(t.sid()).contains(PARTNER_SID);
            assertThat(t.direction()).isEqualTo(3);
            assertThat(t.type()).isEqualTo(2);
            assertThat(t.hasAttribute(Trust.FOREST_TRANSITIVE)).isTrue();
            assertThat(t.whenCreated()).contains(Instant.parse("2019-02-03T04:05:06Z"));
            assertThat(t.whenChanged()).contains(Instant.parse("2024-11-30T00:00:00Z"));
        });
    }

    @Test
    void domainFactsComeFromTheRootDseAndTheDomainHead() {
        var d = snapshot.domain();
        assertThat(d.dn()).isEqualTo(DOMAIN_DN);
        assertThat(d.dnsName()).isEqualTo("example.test");
        assertThat(d.sid()).isEqualTo(DOMAIN_SID);
        assertThat(d.domainFunctionalLevel()).isEqualTo(7);
        assertThat(d.forestFunctionalLevel()).isEqualTo(6);
        assertThat(d.configurationNc()).isEqualTo(AdLikeDirectory.CONFIG_DN);
        assertThat(d.schemaNc()).isEqualTo(AdLikeDirectory.SCHEMA_DN);
        assertThat(d.isForestRoot()).isTrue();
        assertThat(d.serverDnsName()).isEqualTo("dc1.example.test");
        assertThat(d.machineAccountQuota()).contains(10);
        assertThat(d.passwordPolicy().minPwdLength()).isEqualTo(7);
        assertThat(d.passwordPolicy().pwdHistoryLength()).isEqualTo(24);
        assertThat(d.passwordPolicy().maxPwdAgeDays()).isEqualTo(42);
        assertThat(d.passwordPolicy().pwdProperties()).isEqualTo(1);
        assertThat(d.lapsLegacySchema()).isTrue();
        assertThat(d.lapsWindowsSchema()).isFalse();
    }

    @Test
    void configurationPartitionFacts() {
        assertThat(snapshot.directoryService().tombstoneLifetimeDays()).contains(180);
        assertThat(snapshot.directoryService().dsHeuristics()).contains("00000000010000000002000000011");
        assertThat(snapshot.directoryService().deletedObjectLifetimeDays()).isEmpty();
        assertThat(snapshot.directoryService().recycleBinEnabled()).isTrue();
        assertThat(snapshot.dcServers()).containsExactly(new DcServer(AdLikeDirectory.DC_SERVER_DN,
                "Default-First-Site-Name", Optional.of("dc1.example.test"), Optional.of(AdLikeDirectory.DC_COMPUTER_DN),
                true, false));
    }

    @Test
    void namingContextMetadataOfEveryExistingPartition() {
        assertThat(snapshot.namingContexts()).extracting(NamingContextMetadata::dn).containsExactly(DOMAIN_DN,
                AdLikeDirectory.CONFIG_DN, AdLikeDirectory.SCHEMA_DN, AdLikeDirectory.DOMAIN_DNS_ZONES);
        NamingContextMetadata domain = snapshot.namingContexts().get(0);
        assertThat(domain.attribute(ReplAttributeMetadata.DSA_SIGNATURE)).hasValueSatisfying(m -> {
            assertThat(m.originatingChangeTime()).isEqualTo(AdLikeDirectory.LAST_BACKUP);
            assertThat(m.version()).isEqualTo(12);
            assertThat(m.originatingInvocationId()).isEqualTo(AdLikeDirectory.INVOCATION_ID);
        });
    }

    @Test
    void progressReportsEveryStepInOrder() {
        assertThat(progress.events).startsWith("start ROOT_DSE", "end ROOT_DSE COMPLETE", "start DOMAIN",
                "end DOMAIN COMPLETE", "start USERS");
        assertThat(progress.events).endsWith("start SCHEMA", "end SCHEMA COMPLETE");
    }

    private static Account account(String sam) {
        return snapshot.accounts().stream().filter(a -> a.samAccountName().equals(sam)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + sam));
    }
}
