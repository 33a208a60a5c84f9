package nl.groenlicht.response;

/** Who fills in the scan: the employer on their own (SELF) or a coach during a site visit (COACH). */
public enum ScanMode {
    SELF, COACH
}
