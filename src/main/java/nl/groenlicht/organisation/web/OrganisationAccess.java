package nl.groenlicht.organisation.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.OrganisationService;
import nl.groenlicht.organisation.Site;
import nl.groenlicht.organisation.Staff;

/** The organisation or site a path names, when the staff member may see it; a 404 otherwise, also for bad ids. */
@Singleton
class OrganisationAccess {

    private final OrganisationService organisations;

    OrganisationAccess(OrganisationService organisations) {
        this.organisations = organisations;
    }

    Organisation organisation(String id, Staff staff) {
        try {
            return organisations.find(Long.parseLong(id), staff).orElseThrow(OrganisationAccess::notFound);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    Site site(Organisation organisation, String siteId) {
        return organisations.sites(organisation).stream().filter(s -> String.valueOf(s.id()).equals(siteId))
                .findFirst().orElseThrow(OrganisationAccess::notFound);
    }

    static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
    }
}
