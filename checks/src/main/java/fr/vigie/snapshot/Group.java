package fr.vigie.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A group of the domain partition with its direct members. Immutable.
 *
 * @param dn             {@code distinguishedName}
 * @param sid            {@code objectSid}
 * @param samAccountName {@code sAMAccountName}
 * @param groupType      {@code groupType}
 * @param members        {@code member}: DNs of direct members, all ranges merged ({@code member;range=...}). Members
 *                       through {@code primaryGroupID} are not listed here: the index adds them.
 */
public record Group(String dn, String sid, String samAccountName, int groupType, List<String> members) {
    public Group {
        Objects.requireNonNull(dn, "dn");
        sid = sid == null ? "" : sid;
        samAccountName = samAccountName == null ? "" : samAccountName;
        members = Snapshots.list(members);
    }

    public long rid() {
        return Sids.rid(sid);
    }
}
