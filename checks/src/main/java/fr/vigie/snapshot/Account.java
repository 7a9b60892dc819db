package fr.vigie.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user, computer or managed service account of the domain partition. Immutable.
 *
 * @param dn                       {@code distinguishedName}
 * @param sid                      {@code objectSid} in S-1-5-21-... form
 * @param samAccountName           {@code sAMAccountName}
 * @param kind                     from {@code objectClass}
 * @param userAccountControl       {@code userAccountControl} (see {@link Uac})
 * @param primaryGroupId           {@code primaryGroupID} (513 users, 515 computers, 516 DCs by default)
 * @param pwdLastSet               {@code pwdLastSet}; empty when 0 (must change at next logon) or absent
 * @param lastLogonTimestamp       {@code lastLogonTimestamp} (replicated, up to 14 days late); empty when never
 * @param whenCreated              {@code whenCreated}
 * @param adminCount               {@code adminCount} (1 once SDProp protected the account; 0 when absent)
 * @param servicePrincipalNames    {@code servicePrincipalName}
 * @param sidHistory               {@code sIDHistory}, as SID strings
 * @param allowedToDelegateTo      {@code msDS-AllowedToDelegateTo}: SPNs of constrained delegation
 * @param allowedToActOnBehalfOf   SIDs granted by the DACL of {@code msDS-AllowedToActOnBehalfOfOtherIdentity}
 *                                 (resource-based constrained delegation towards this account)
 * @param supportedEncryptionTypes {@code msDS-SupportedEncryptionTypes}
 * @param description              {@code description}
 * @param computer                 computer-only attributes, present when {@code kind == COMPUTER}
 */
public record Account(
        String dn,
        String sid,
        String samAccountName,
        AccountKind kind,
        int userAccountControl,
        int primaryGroupId,
        Optional<java.time.Instant> pwdLastSet,
        Optional<java.time.Instant> lastLogonTimestamp,
        Optional<java.time.Instant> whenCreated,
        int adminCount,
        List<String> servicePrincipalNames,
        List<String> sidHistory,
        List<String> allowedToDelegateTo,
        List<String> allowedToActOnBehalfOf,
        Optional<Integer> supportedEncryptionTypes,
        Optional<String> description,
        Optional<ComputerInfo> computer) {

    public Account {
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(kind, "kind");
        sid = sid == null ? "" : sid;
        samAccountName = samAccountName == null ? "" : samAccountName;
        pwdLastSet = Snapshots.opt(pwdLastSet);
        lastLogonTimestamp = Snapshots.opt(lastLogonTimestamp);
        whenCreated = Snapshots.opt(whenCreated);
        servicePrincipalNames = Snapshots.list(servicePrincipalNames);
        sidHistory = Snapshots.list(sidHistory);
        allowedToDelegateTo = Snapshots.list(allowedToDelegateTo);
        allowedToActOnBehalfOf = Snapshots.list(allowedToActOnBehalfOf);
        supportedEncryptionTypes = Snapshots.opt(supportedEncryptionTypes);
        description = Snapshots.opt(description);
        computer = Snapshots.opt(computer);
    }

    /** True when the flag (a {@link Uac} constant) is set in userAccountControl. */
    public boolean has(int uacFlag) {
        return (userAccountControl & uacFlag) != 0;
    }

    public boolean enabled() {
        return !has(Uac.ACCOUNTDISABLE);
    }

    /** Relative id: the last component of the SID, or -1 when the SID is missing or malformed. */
    public long rid() {
        return Sids.rid(sid);
    }

    /**
     * The account another domain uses for a trust (INTERDOMAIN_TRUST_ACCOUNT, e.g. {@code PARTNER$}): managed by the
     * trust itself (it never logs on interactively and has PASSWD_NOTREQD by design), so account-hygiene checks skip it
     * as PingCastle does; the trust checks cover it.
     */
    public boolean isTrustAccount() {
        return has(Uac.INTERDOMAIN_TRUST_ACCOUNT);
    }

    /** A domain controller: SERVER_TRUST_ACCOUNT (writable DC) or PARTIAL_SECRETS_ACCOUNT (RODC). */
    public boolean isDomainController() {
        return kind == AccountKind.COMPUTER && (has(Uac.SERVER_TRUST_ACCOUNT) || has(Uac.PARTIAL_SECRETS_ACCOUNT));
    }
}
