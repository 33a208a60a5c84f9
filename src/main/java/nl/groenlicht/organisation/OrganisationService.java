package nl.groenlicht.organisation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.validation.Names;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organisations and their sites, always seen through the eyes of a staff member: what they may not see does not
 * exist for them (callers answer 404, never 403, so nobody learns what exists).
 */
@Singleton
public class OrganisationService {

    public static final int MAX_NAME_LENGTH = 200;

    private final OrganisationRepository organisations;
    private final SiteRepository sites;

    OrganisationService(OrganisationRepository organisations, SiteRepository sites) {
        this.organisations = organisations;
        this.sites = sites;
    }

    @Transactional
    public List<Organisation> visibleTo(Staff staff) {
        return staff.admin() ? organisations.listOrderByName() : organisations.findByCoachIdOrderByName(staff.accountId());
    }

    @Transactional
    public Optional<Organisation> find(long id, Staff staff) {
        return organisations.findById(id).filter(o -> staff.admin() || o.coachId() == staff.accountId());
    }

    /** A new organisation, assigned to the staff member who creates it. */
    @Transactional
    public Organisation create(String name, Staff staff) {
        return organisations.save(new Organisation(null, checkedName(name), staff.accountId(), Instant.now()));
    }

    /** Removes the organisation and everything that belongs to it (its sites go with it by the foreign keys). */
    @Transactional
    public void delete(Organisation organisation) {
        organisations.delete(organisation);
    }

    @Transactional
    public List<Site> sites(Organisation organisation) {
        return sites.findByOrganisationIdOrderByName(organisation.id());
    }

    @Transactional
    public Site addSite(Organisation organisation, String name, String kind) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = null;
        try {
            cleanName = checkedName(name);
        } catch (InvalidFieldsException e) {
            problems.putAll(e.problems());
        }
        SiteKind siteKind = null;
        try {
            siteKind = SiteKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            problems.put("kind", "organisation.error.kind");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return sites.save(new Site(null, organisation.id(), cleanName, siteKind, Instant.now()));
    }

    private static String checkedName(String name) {
        return Names.cleaned(name, MAX_NAME_LENGTH)
                .orElseThrow(() -> new InvalidFieldsException(Map.of("name", "organisation.error.name")));
    }
}
