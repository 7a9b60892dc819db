package fr.vigie.checks.kerberos;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Enabled user accounts with an SPN whose msDS-SupportedEncryptionTypes does not enable AES (0x8 AES128, 0x10
 * AES256): their service tickets are issued with RC4, which makes Kerberoasting far faster. An absent attribute
 * means the domain default (RC4 for user accounts until the 2022+ defaults), so it fails too.
 */
public final class SpnAccountWithoutAes implements Check {
    static final int AES_MASK = 0x8 | 0x10;

    @Override
    public String ruleId() {
        return "spn-account-without-aes";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.users()
                .filter(a -> a.enabled() && !a.servicePrincipalNames().isEmpty() && a.rid() != Sids.RID_KRBTGT)
                .filter(a -> a.supportedEncryptionTypes().map(t -> (t & AES_MASK) == 0).orElse(true))
                .map(SpnAccountWithoutAes::evidence)
                .toList();
    }

    private static Evidence evidence(Account a) {
        return Evidence.of(a)
                .with("msDS-SupportedEncryptionTypes",
                        a.supportedEncryptionTypes().map(t -> "0x" + Integer.toHexString(t)).orElse("(not set: RC4)"))
                .with("servicePrincipalName", String.join(", ", a.servicePrincipalNames()));
    }
}
