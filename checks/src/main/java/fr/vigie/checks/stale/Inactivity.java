package fr.vigie.checks.stale;

import fr.vigie.checks.CheckContext;
import fr.vigie.snapshot.Account;

/** "Inactive" as PingCastle defines it, shared by the dormant-account checks. Stateless. */
final class Inactivity {
    private Inactivity() {}

    /**
     * True when none of {@code whenCreated}, {@code lastLogonTimestamp} and {@code pwdLastSet} falls within the last
     * {@code days} days before {@link CheckContext#asOf()}. A missing date counts as old: an account never logged on
     * and whose password was never set is inactive as soon as it is {@code days} days old.
     */
    static boolean isInactive(Account account, CheckContext context, long days) {
        return context.olderThanDays(account.whenCreated(), days)
                && context.olderThanDays(account.lastLogonTimestamp(), days)
                && context.olderThanDays(account.pwdLastSet(), days);
    }
}
