package fr.vigie.checks;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Uac;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How checks render the values of their {@link Evidence}, so that every family shows a date, a set of flags or a SID
 * the same way. Stateless; thread-safe. No method reads the clock: ages are computed against
 * {@link CheckContext#asOf()}. Parameters must not be null.
 */
public final class EvidenceValues {
    private EvidenceValues() {}

    /**
     * The instant and its age as of the snapshot, e.g. {@code 2026-04-17T00:00:00Z (45 days ago)}, or {@code never}
     * when absent.
     */
    public static String dateWithAge(Optional<Instant> instant, CheckContext context) {
        return instant.map(i -> i + " (" + context.daysSince(i) + " days ago)").orElse("never");
    }

    /**
     * Evidence naming the account with its three signs of life, each as {@link #dateWithAge}, in this order:
     * {@code lastLogonTimestamp}, {@code pwdLastSet}, {@code whenCreated}.
     */
    public static Evidence activity(Account account, CheckContext context) {
        return Evidence.of(account)
                .with("lastLogonTimestamp", dateWithAge(account.lastLogonTimestamp(), context))
                .with("pwdLastSet", dateWithAge(account.pwdLastSet(), context))
                .with("whenCreated", dateWithAge(account.whenCreated(), context));
    }

    /** ISO-8601 UTC rendering of an instant, to the second (e.g. {@code 2026-05-31T08:00:00Z}). */
    public static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@link #iso(Instant)} of the instant, or {@code whenAbsent} (e.g. {@code never}, {@code not set}). */
    public static String iso(Optional<Instant> instant, String whenAbsent) {
        return instant.map(EvidenceValues::iso).orElse(whenAbsent);
    }

    /**
     * The instant as recorded, at full precision ({@link Instant#toString()}), or {@code whenAbsent}. Kept for the
     * rules whose evidence has always shown it so; prefer {@link #iso(Optional, String)}.
     */
    public static String recorded(Optional<Instant> instant, String whenAbsent) {
        return instant.map(Instant::toString).orElse(whenAbsent);
    }

    /** The account's userAccountControl as flag names, e.g. {@code 0x10200 (NORMAL_ACCOUNT|DONT_EXPIRE_PASSWORD)}. */
    public static String uac(Account account) {
        return Uac.describe(account.userAccountControl());
    }


    /** {@code SID (name)} when the SID is an account or group of the snapshot, the bare SID otherwise. */
    public static String sidWithName(String sid, DirectoryIndex index) {
        Optional<String> name = index.accountBySid(sid).map(Account::samAccountName)
                .or(() -> index.groupBySid(sid).map(Group::samAccountName));
        return name.map(n -> sid + " (" + n + ")").orElse(sid);
    }
}
