package fr.vigie.checks.trusts;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.checks.index.PrivilegedGroups;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts whose {@code sIDHistory} holds a SID that no migration legitimately brings: a well-known or builtin SID
 * (anything that is not a domain SID {@code S-1-5-21-...}, e.g. S-1-5-32-544 Administrators), a RID below 1000 of
 * any domain (Administrator, Domain Admins...), the SID of a privileged group or account of this domain, or any SID
 * of this same domain. Such a value is the classic persistence backdoor. ANSSI vuln_sidhistory_dangerous.
 */
public final class DangerousSidHistory implements Check {
    /** RIDs below this are the built-in accounts and groups of a domain. */
    static final long FIRST_USER_RID = 1000;

    @Override
    public String ruleId() {
        return "sid-history-dangerous";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            List<String> dangerous = new ArrayList<>();
            for (String sid : a.sidHistory()) {
                reason(sid, snapshot.domain().sid(), context.index()).ifPresent(r -> dangerous.add(sid + " (" + r + ")"));
            }
            if (!dangerous.isEmpty()) {
                out.add(Evidence.of(a)
                        .with("dangerous sIDHistory", String.join(", ", dangerous))
                        .with("sIDHistory", String.join(", ", a.sidHistory())));
            }
        }
        return out;
    }

    /** Why this sIDHistory value is dangerous, or empty when it is an ordinary SID of another domain. */
    static Optional<String> reason(String sid, String domainSid, DirectoryIndex index) {
        if (!sid.startsWith("S-1-5-21-")) {
            return Optional.of("well-known or builtin SID");
        }
        long rid = Sids.rid(sid);
        if (rid >= 0 && rid < FIRST_USER_RID) {
            return Optional.of("built-in RID " + rid);
        }
        Optional<String> privilegedGroup = index.groupBySid(sid)
                .filter(g -> PrivilegedGroups.isPrivileged(g, domainSid))
                .map(g -> "privileged group " + g.samAccountName());
        if (privilegedGroup.isPresent()) {
            return privilegedGroup;
        }
        Optional<String> privilegedAccount = index.accountBySid(sid).filter(index::isPrivileged)
                .map(acc -> "privileged account " + acc.samAccountName());
        if (privilegedAccount.isPresent()) {
            return privilegedAccount;
        }
        if (!domainSid.isEmpty() && Sids.domainOf(sid).equals(domainSid)) {
            return Optional.of("SID of this same domain");
        }
        return Optional.empty();
    }
}
