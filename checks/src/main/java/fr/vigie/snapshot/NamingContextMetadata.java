package fr.vigie.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Replication metadata of one naming-context head (domain, configuration, schema, DNS partitions). Immutable.
 *
 * @param dn         DN of the naming context
 * @param attributes parsed {@code replPropertyMetaData}
 */
public record NamingContextMetadata(String dn, List<ReplAttributeMetadata> attributes) {
    public NamingContextMetadata {
        attributes = Snapshots.list(attributes);
    }

    public Optional<ReplAttributeMetadata> attribute(int attributeId) {
        return attributes.stream().filter(a -> a.attributeId() == attributeId).findFirst();
    }
}
