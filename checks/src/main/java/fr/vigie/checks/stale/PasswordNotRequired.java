package fr.vigie.checks.stale;

import fr.vigie.snapshot.Uac;

/**
 * Enabled accounts (users, computers, service accounts) with PASSWD_NOTREQD: the domain password policy does
 * not apply to them and their password may be empty.
 */
public final class PasswordNotRequired extends EnabledAccountsWithFlag {
    public PasswordNotRequired() {
        super(Uac.PASSWD_NOTREQD);
    }

    @Override
    public String ruleId() {
        return "password-not-required";
    }
}
