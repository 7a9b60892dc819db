package fr.vigie.snapshot.host;

/** Where a fact about the host's domain membership comes from. */
public enum MembershipSource {
    /** {@code realm list} output (realmd). */
    REALM,
    /** {@code /etc/sssd/sssd.conf}: {@code [domain/...]} sections with {@code id_provider = ad} or {@code ipa}. */
    SSSD,
    /** {@code /etc/krb5.keytab} exists: the host holds Kerberos keys (principals' realm given when readable). */
    KRB5_KEYTAB,
    /** {@code smb.conf} {@code security = ads} with a {@code realm} (winbind). */
    SAMBA_ADS,
    /** Windows {@code NetGetJoinInformation} (same fact as {@code Win32_ComputerSystem.PartOfDomain/Domain}). */
    WIN32_COMPUTER_SYSTEM
}
