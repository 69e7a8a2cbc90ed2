package org.opcat.followup.events.authority;

import java.util.UUID;

/**
 * A body that recommendations can be addressed to. {@code parentAuthorityId} names its supervising
 * body (seed paragraph 34), or is null at the top.
 */
public record AuthorityRegistered(UUID authorityId, String name, AuthorityKind kind, UUID parentAuthorityId) {
}
