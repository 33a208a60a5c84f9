package nl.groenlicht.organisation.web;

import io.micronaut.security.authentication.Authentication;
import nl.groenlicht.organisation.Staff;

/** The logged-in staff member, from the attributes set at login. */
final class StaffMember {

    private StaffMember() {
    }

    static Staff of(Authentication authentication) {
        Object id = authentication.getAttributes().get("accountId");
        return new Staff(((Number) id).longValue(), authentication.getName(), authentication.getRoles().contains("ADMIN"));
    }
}
