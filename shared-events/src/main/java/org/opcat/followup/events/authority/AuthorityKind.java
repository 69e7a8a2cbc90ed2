package org.opcat.followup.events.authority;

/** What sort of body an authority is. */
public enum AuthorityKind {
    MINISTRY,
    DETENTION_ADMINISTRATION,
    PLACE_MANAGEMENT,
    LEGISLATURE,
    JUDICIARY,
    OTHER
}
