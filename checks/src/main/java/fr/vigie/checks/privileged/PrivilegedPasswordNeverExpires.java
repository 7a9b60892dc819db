package fr.vigie.checks.privileged;

import fr.vigie.snapshot.Uac;

/**
 * Enabled privileged accounts whose password never expires (DONT_EXPIRE_PASSWORD): such passwords are rarely
 * changed, so a password leaked or cracked years ago still opens the domain.
 */
public final class PrivilegedPasswordNeverExpires extends EnabledPrivilegedWithFlag {
    public PrivilegedPasswordNeverExpires() {
        super(Uac.DONT_EXPIRE_PASSWORD);
    }

    @Override
    public String ruleId() {
        return "privileged-password-never-expires";
    }
}
