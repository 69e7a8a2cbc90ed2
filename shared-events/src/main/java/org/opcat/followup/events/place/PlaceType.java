package org.opcat.followup.events.place;

/** The kinds of places of detention an NPM visits. */
public enum PlaceType {
    PRISON,
    PRE_TRIAL_DETENTION,
    POLICE_STATION,
    IMMIGRATION_DETENTION,
    PSYCHIATRIC_INSTITUTION,
    SOCIAL_CARE_HOME,
    JUVENILE_CENTRE,
    MILITARY,
    OTHER
}
