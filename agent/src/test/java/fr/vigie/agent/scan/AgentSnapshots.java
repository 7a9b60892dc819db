package fr.vigie.agent.scan;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.CollectionStep;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectoryServiceConfig;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.PasswordPolicy;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal snapshot builder for the agent's tests (the checks module has the full fixture): a complete domain
 * DC=ch-test,DC=local collected at {@link #AS_OF} with the well-known groups, one DC, and whatever accounts the
 * test adds. Mutable; not thread-safe.
 */
public final class AgentSnapshots {
    public static final String DOMAIN_SID = "S-1-5-21-1000-2000-3000";
    public static final String DOMAIN_DN = "DC=ch-test,DC=local";
    public static final Instant AS_OF = Instant.parse("2026-06-01T08:30:00Z");

    private final List<Account> accounts = new ArrayList<>();
    private final Set<DataSource> failed = EnumSet.noneOf(DataSource.class);
    private int nextRid = 1100;

    private AgentSnapshots() {
        accounts.add(new Account("CN=DC1,OU=Domain Controllers," + DOMAIN_DN, Sids.of(DOMAIN_SID, 1000), "DC1$",
                AccountKind.COMPUTER, Uac.SERVER_TRUST_ACCOUNT | Uac.TRUSTED_FOR_DELEGATION,
                Sids.RID_DOMAIN_CONTROLLERS, Optional.of(AS_OF.minusSeconds(86400 * 10)),
                Optional.of(AS_OF.minusSeconds(3600)), Optional.of(AS_OF.minusSeconds(86400 * 400)), 0, List.of(),
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(new ComputerInfo(Optional.of("Windows Server 2022 Standard"), Optional.of("10.0 (20348)"),
                        Optional.of("dc1.ch-test.local"), false))));
    }

    public static AgentSnapshots domain() {
        return new AgentSnapshots();
    }

    /** Adds an enabled user with a description. */
    public AgentSnapshots user(String sam, String description) {
        accounts.add(account("CN=" + sam + ",CN=Users," + DOMAIN_DN, sam, AccountKind.USER, Uac.NORMAL_ACCOUNT,
                Sids.RID_DOMAIN_USERS, description));
        return this;
    }

    /** Adds a member server trusted for unconstrained delegation (fails delegation-unconstrained). */
    public AgentSnapshots unconstrainedServer(String name) {
        return unconstrainedServer(name, "CN=" + name + ",CN=Computers," + DOMAIN_DN);
    }

    public AgentSnapshots unconstrainedServer(String name, String dn) {
        accounts.add(account(dn, name + "$", AccountKind.COMPUTER,
                Uac.WORKSTATION_TRUST_ACCOUNT | Uac.TRUSTED_FOR_DELEGATION, Sids.RID_DOMAIN_COMPUTERS, null));
        return this;
    }

    /** Marks a collection step as failed. */
    public AgentSnapshots failed(DataSource source) {
        failed.add(source);
        return this;
    }

    private Account account(String dn, String sam, AccountKind kind, int uac, int primaryGroup, String description) {
        return new Account(dn, Sids.of(DOMAIN_SID, nextRid++), sam, kind, uac, primaryGroup,
                Optional.of(AS_OF.minusSeconds(86400 * 30)), Optional.of(AS_OF.minusSeconds(86400)),
                Optional.of(AS_OF.minusSeconds(86400 * 400)), 0, List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.ofNullable(description), Optional.empty());
    }

    public DirectorySnapshot build() {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("CN=Administrators,CN=Builtin," + DOMAIN_DN, Sids.ADMINISTRATORS, "Administrators",
                -2147483643, List.of("CN=Domain Admins,CN=Users," + DOMAIN_DN)));
        int[] rids = {Sids.RID_DOMAIN_ADMINS, Sids.RID_DOMAIN_USERS, Sids.RID_DOMAIN_COMPUTERS,
            Sids.RID_DOMAIN_CONTROLLERS, Sids.RID_SCHEMA_ADMINS, Sids.RID_ENTERPRISE_ADMINS, Sids.RID_PROTECTED_USERS};
        String[] names = {"Domain Admins", "Domain Users", "Domain Computers", "Domain Controllers", "Schema Admins",
            "Enterprise Admins", "Protected Users"};
        for (int i = 0; i < rids.length; i++) {
            groups.add(new Group("CN=" + names[i] + ",CN=Users," + DOMAIN_DN, Sids.of(DOMAIN_SID, rids[i]), names[i],
                    -2147483646, List.of()));
        }
        List<CollectionStep> steps = new ArrayList<>();
        for (DataSource s : DataSource.values()) {
            steps.add(failed.contains(s) ? CollectionStep.failed(s, 42, "size limit exceeded (test)")
                    : CollectionStep.complete(s, 1));
        }
        String config = "CN=Configuration," + DOMAIN_DN;
        DomainInfo domain = new DomainInfo(DOMAIN_DN, "ch-test.local", DOMAIN_SID, 7, 7, config, "CN=Schema," + config,
                DOMAIN_DN, "dc1.ch-test.local", Optional.of(0), new PasswordPolicy(12, 24, 0, 1, 5), false, true);
        return new DirectorySnapshot(DirectorySnapshot.SCHEMA_VERSION, AS_OF, "dc1.ch-test.local:636", domain, accounts,
                groups, List.of(), List.of(), DirectoryServiceConfig.empty(), List.of(), List.of(), steps);
    }
}
