package fr.vigie.agent.collect.ldap;

import static fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory.DOMAIN_DN;
import static fr.vigie.agent.collect.ldap.adlike.FaultInterceptor.filterContains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ResultCode;
import fr.vigie.agent.collect.ldap.CollectionException.Reason;
import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.agent.collect.ldap.adlike.AdObject;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.StepStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the collector does when the DC misbehaves: every failure is recorded, none is silent. */
class FailureModesTest {
    private static final String WRONG_PASSWORD = "Wr0ng-But-Secret-Pa55";

    @Test
    void aConnectionDroppedMidSearchFailsThatStepOnlyAndLaterStepsRunAfterAReconnect() throws Exception {
        try (AdLikeDirectory dc = domainWithUsers(1_200)) {
            dc.faults().dropConnectionAfter(700, filterContains("objectClass=user"), false);

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            assertThat(dc.faults().dropped()).isTrue();
            CollectionStep users = Targets.step(s, DataSource.USERS);
            assertThat(users.status()).isEqualTo(StepStatus.FAILED);
            assertThat(users.objects()).isEqualTo(700);
            assertThat(users.error()).hasValueSatisfying(m -> assertThat(m)
                    .contains("connection to the DC lost", "after 700 object(s)", "rerun"));
            assertThat(s.users().count()).as("objects read before the drop are kept").isEqualTo(700);
            assertThat(Targets.step(s, DataSource.COMPUTERS).isComplete()).isTrue();
            assertThat(Targets.step(s, DataSource.SCHEMA).isComplete()).isTrue();
            assertThat(s.isComplete()).isFalse();
            assertThat(s.missingSources()).containsExactly(DataSource.USERS);
        }
    }

    @Test
    void whenTheDcIsGoneAfterTheDropLaterStepsAreSkippedAndTheSnapshotIsStillReturned() throws Exception {
        try (AdLikeDirectory dc = domainWithUsers(600)) {
            dc.faults().dropConnectionAfter(100, filterContains("objectClass=user"), true);

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            assertThat(Targets.step(s, DataSource.DOMAIN).isComplete()).isTrue();
            assertThat(Targets.step(s, DataSource.USERS).status()).isEqualTo(StepStatus.FAILED);
            assertThat(Targets.step(s, DataSource.USERS).objects()).isEqualTo(100);
            CollectionStep computers = Targets.step(s, DataSource.COMPUTERS);
            assertThat(computers.status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(computers.error()).hasValueSatisfying(m -> assertThat(m)
                    .contains("lost during USERS", "reconnecting failed", "DC unreachable"));
            assertThat(s.steps()).filteredOn(st -> st.source().ordinal() > DataSource.USERS.ordinal())
                    .allSatisfy(st -> assertThat(st.status()).isEqualTo(StepStatus.SKIPPED));
            assertThat(s.steps()).hasSize(DataSource.values().length);
        }
    }

    @Test
    void aServerThatIgnoresPagingHitsTheSizeLimitAndTheStepFails() throws Exception {
        try (AdLikeDirectory dc = domainWithUsers(1_100)) {
            dc.faults().ignorePaging(filterContains("objectClass=user"));

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            CollectionStep users = Targets.step(s, DataSource.USERS);
            assertThat(users.status()).isEqualTo(StepStatus.FAILED);
            assertThat(users.objects()).isEqualTo(1000);
            assertThat(users.error()).hasValueSatisfying(m -> assertThat(m)
                    .contains("sizeLimitExceeded (LDAP 4)", "after 1000 object(s)", "incomplete"));
            assertThat(Targets.step(s, DataSource.COMPUTERS).isComplete()).as("the connection is still usable").isTrue();
        }
    }

    @Test
    void timeLimitAndAccessErrorsFailTheirStepWithAdvice() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.faults().failSearches(filterContains("objectClass=group"), ResultCode.TIME_LIMIT_EXCEEDED);

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            CollectionStep groups = Targets.step(s, DataSource.GROUPS);
            assertThat(groups.status()).isEqualTo(StepStatus.FAILED);
            assertThat(groups.error()).hasValueSatisfying(m -> assertThat(m).contains("timeLimitExceeded (LDAP 3)",
                    "MaxQueryDuration"));
            assertThat(Targets.step(s, DataSource.FOREIGN_PRINCIPALS).isComplete()).isTrue();
        }
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.faults().failSearches(filterContains("trustedDomain"), ResultCode.INSUFFICIENT_ACCESS_RIGHTS);

            CollectionStep trusts = Targets.step(Targets.collect(Targets.plain(dc.port())), DataSource.TRUSTS);

            assertThat(trusts.status()).isEqualTo(StepStatus.FAILED);
            assertThat(trusts.error()).hasValueSatisfying(m -> assertThat(m).contains("may not read",
                    "LDAP 50", "grant it read access"));
        }
    }

    @Test
    void aReferralOnABaseSearchFailsTheStepWithItsUrl() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.faults().referral("CN=Partitions," + AdLikeDirectory.CONFIG_DN,
                    "ldap://dc9.other.test/CN=Partitions,CN=Configuration,DC=other,DC=test");

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            CollectionStep features = Targets.step(s, DataSource.OPTIONAL_FEATURES);
            assertThat(features.status()).isEqualTo(StepStatus.FAILED);
            assertThat(features.error()).hasValueSatisfying(m -> assertThat(m)
                    .contains("referral", "ldap://dc9.other.test/", "--host"));
            assertThat(Targets.step(s, DataSource.DOMAIN_CONTROLLERS).isComplete()).isTrue();
        }
    }

    @Test
    void continuationReferencesAreIgnoredAndTheStepCompletes() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.faults().continuationReferences(DOMAIN_DN, List.of("ldap://example.test/CN=Configuration,DC=example,DC=test",
                    "ldap://ForestDnsZones.example.test/DC=ForestDnsZones,DC=example,DC=test"));

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            assertThat(Targets.step(s, DataSource.USERS).isComplete()).isTrue();
            assertThat(Targets.step(s, DataSource.USERS).objects()).isEqualTo(AdLikeDirectory.STANDARD_USERS);
            assertThat(s.isComplete()).isTrue();
        }
    }

    @Test
    void aMissingDirectoryServiceEntryIsCompleteWithDefaults() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.server().delete("CN=Directory Service,CN=Windows NT,CN=Services," + AdLikeDirectory.CONFIG_DN);

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            assertThat(Targets.step(s, DataSource.DIRECTORY_SERVICE)).isEqualTo(
                    CollectionStep.complete(DataSource.DIRECTORY_SERVICE, 0));
            assertThat(s.directoryService().tombstoneLifetimeDays()).isEmpty();
            assertThat(s.directoryService().dsHeuristics()).isEmpty();
        }
    }

    @Test
    void anUndecodableValueFailsTheStepNamingTheObjectButKeepsTheOthers() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.add(AdObject.user("broken", 1500).bytes("objectSid", new byte[] {1, 5, 0, 0}));

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            CollectionStep users = Targets.step(s, DataSource.USERS);
            assertThat(users.status()).isEqualTo(StepStatus.FAILED);
            assertThat(users.objects()).isEqualTo(AdLikeDirectory.STANDARD_USERS);
            assertThat(users.error()).hasValueSatisfying(m -> assertThat(m)
                    .contains("1 object(s)", "CN=broken,CN=Users," + DOMAIN_DN, "objectSid"));
        }
    }

    @Test
    void aMissingNamingContextMetadataFailsThatStep() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            dc.server().modify("dn: " + AdLikeDirectory.SCHEMA_DN, "changetype: modify", "delete: replPropertyMetaData");

            DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

            CollectionStep nc = Targets.step(s, DataSource.NAMING_CONTEXT_METADATA);
            assertThat(nc.status()).isEqualTo(StepStatus.FAILED);
            assertThat(nc.error()).hasValueSatisfying(m -> assertThat(m).contains(AdLikeDirectory.SCHEMA_DN,
                    "not returned"));
        }
    }

    @Test
    void aWrongPasswordIsABindRefusalThatNeverShowsThePassword() throws Exception {
        try (AdLikeDirectory dc = AdLikeDirectory.builder().start()) {
            List<Duration> sleeps = new ArrayList<>();
            LdapTarget target = Targets.target("127.0.0.1", dc.port(), Transport.PLAIN_INSECURE,
                    new TrustPolicy.SystemDefault(), WRONG_PASSWORD, 3);

            assertThatThrownBy(() -> Targets.collector(target, CollectionProgress.NONE, sleeps).collect(Targets.NOW))
                    .isInstanceOfSatisfying(CollectionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BIND_REFUSED);
                        assertThat(e.getMessage()).isEqualTo("bind refused for " + AdLikeDirectory.AUDIT_DN
                                + ": invalid credentials (LDAP 49) — check the audit account's password");
                        assertThat(stackTraceOf(e)).doesNotContain(WRONG_PASSWORD);
                    });
            assertThat(sleeps).as("a refused bind is not retried").isEmpty();
        }
    }

    @Test
    void anUnreachablePortFailsAfterTheBoundedAttemptsWithBackoff() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        List<Duration> sleeps = new ArrayList<>();
        LdapTarget target = Targets.target("127.0.0.1", closedPort, Transport.PLAIN_INSECURE,
                new TrustPolicy.SystemDefault(), AdLikeDirectory.AUDIT_PASSWORD, 3);

        assertThatThrownBy(() -> Targets.collector(target, CollectionProgress.NONE, sleeps).collect(Targets.NOW))
                .isInstanceOfSatisfying(CollectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("DC unreachable at 127.0.0.1:" + closedPort
                            + " (connection refused) — check host/port/firewall").contains("3 attempts");
                });
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void backoffDoublesUpToSixteenSeconds() {
        LdapConnector c = new LdapConnector(Targets.plain(1), d -> { }, Duration.ofSeconds(1));
        assertThat(List.of(c.backoff(1), c.backoff(2), c.backoff(3), c.backoff(5), c.backoff(9))).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16),
                Duration.ofSeconds(16));
    }

    private static AdLikeDirectory domainWithUsers(int n) throws Exception {
        AdLikeDirectory dc = AdLikeDirectory.builder().start();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(AdObject.user("u" + i, 20_000 + i).toEntry());
        }
        dc.add(entries);
        return dc;
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
