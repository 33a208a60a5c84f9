package nl.groenlicht.organisation;

/** Where work happens: an own location, a department, or a client's site. */
public enum SiteKind {
    LOCATION, DEPARTMENT, CLIENT_SITE
}
