package fr.vigie.checks.stale;

import fr.vigie.snapshot.Uac;

/**
 * Enabled accounts with ENCRYPTED_TEXT_PWD_ALLOWED: at its next change their password is stored in a reversible
 * form, readable in clear by whoever gets a copy of the directory database or replicates it.
 */
public final class ReversibleEncryption extends EnabledAccountsWithFlag {
    public ReversibleEncryption() {
        super(Uac.ENCRYPTED_TEXT_PWD_ALLOWED);
    }

    @Override
    public String ruleId() {
        return "reversible-encryption";
    }
}
