package fr.vigie.checks.backup.host;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WideTrusteesTest {
    private static final List<AccessEntry> ACL = List.of(
            AccessEntry.of(Sids.EVERYONE, "", AceType.ALLOW, AccessRights.READ, 0),
            AccessEntry.of(Sids.ADMINISTRATORS, "BUILTIN\\Administrators", AceType.ALLOW, AccessRights.FULL_CONTROL, 0),
            AccessEntry.of(WideTrustees.USERS, "BUILTIN\\Users", AceType.ALLOW, AccessRights.CHANGE, 0),
            AccessEntry.of(Sids.AUTHENTICATED_USERS, "", AceType.ALLOW, AccessRights.CHANGE, 0),
            AccessEntry.of(Sids.AUTHENTICATED_USERS, "", AceType.DENY, AccessRights.CHANGE, 0));

    @Test
    void grantingListsTheWideTrusteesWhoseEffectiveRightsPassInAclOrder() {
        assertThat(WideTrustees.granting(ACL, AccessRights::grantsWrite))
                .containsExactly("BUILTIN\\Users (S-1-5-32-545): Change");
        assertThat(WideTrustees.granting(ACL, AccessRights::grantsRead))
                .containsExactly("Everyone (S-1-1-0): Read", "BUILTIN\\Users (S-1-5-32-545): Change");
    }

    @Test
    void grantingIsEmptyWhenNoWideTrusteePasses() {
        assertThat(WideTrustees.granting(ACL.subList(1, 2), AccessRights::grantsWrite)).isEmpty();
    }
}
