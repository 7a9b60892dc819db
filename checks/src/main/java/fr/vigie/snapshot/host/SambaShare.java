package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One share of a Samba server, with the effective values of the parameters that decide who may write. Immutable.
 *
 * @param name         share (section) name
 * @param path         {@code path}; empty for a share without one (printers, {@code [homes]} without path)
 * @param guestOk      {@code guest ok} / {@code public} = yes: connections without a password are accepted
 * @param writable     {@code read only = no} (or {@code writable}/{@code writeable}/{@code write ok = yes}); the
 *                     Samba default is read-only
 * @param validUsers   {@code valid users}: empty means any user who can authenticate
 * @param invalidUsers {@code invalid users}
 * @param writeList    {@code write list}: users and {@code @group}s who may write even on a read-only share
 * @param readList     {@code read list}: users and groups limited to reading even on a writable share
 * @param parameters   every parameter of the section as read (lower-case names), for evidence
 */
public record SambaShare(String name, String path, boolean guestOk, boolean writable, List<String> validUsers,
                         List<String> invalidUsers, List<String> writeList, List<String> readList,
                         Map<String, String> parameters) {
    public SambaShare {
        Objects.requireNonNull(name, "name");
        path = Lists.text(path);
        validUsers = Lists.copy(validUsers);
        invalidUsers = Lists.copy(invalidUsers);
        writeList = Lists.copy(writeList);
        readList = Lists.copy(readList);
        parameters = Lists.map(parameters);
    }
}
