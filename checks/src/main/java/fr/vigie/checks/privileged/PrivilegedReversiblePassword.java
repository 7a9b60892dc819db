package fr.vigie.checks.privileged;

import fr.vigie.snapshot.Uac;

/**
 * Enabled privileged accounts allowed to store their password with reversible encryption
 * (ENCRYPTED_TEXT_PWD_ALLOWED): from the next password change the clear-text password can be recovered by anyone
 * who reads the directory database or replicates it (DCSync, a domain controller backup).
 */
public final class PrivilegedReversiblePassword extends EnabledPrivilegedWithFlag {
    public PrivilegedReversiblePassword() {
        super(Uac.ENCRYPTED_TEXT_PWD_ALLOWED);
    }

    @Override
    public String ruleId() {
        return "privileged-reversible-password";
    }
}
