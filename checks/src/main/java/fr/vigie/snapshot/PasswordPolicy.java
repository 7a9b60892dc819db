package fr.vigie.snapshot;

/**
 * The default domain password policy, from attributes of the domain head. Immutable.
 *
 * @param minPwdLength      {@code minPwdLength}
 * @param pwdHistoryLength  {@code pwdHistoryLength}
 * @param maxPwdAgeDays     {@code maxPwdAge} in days (0 = never expires)
 * @param pwdProperties     {@code pwdProperties} (bit 0x10 = store passwords with reversible encryption)
 * @param lockoutThreshold  {@code lockoutThreshold} (0 = never lock out)
 */
public record PasswordPolicy(int minPwdLength, int pwdHistoryLength, long maxPwdAgeDays, int pwdProperties,
        int lockoutThreshold) {
    public static final int DOMAIN_PASSWORD_STORE_CLEARTEXT = 0x10;
}
