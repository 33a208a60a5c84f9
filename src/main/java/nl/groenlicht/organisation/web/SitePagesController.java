package nl.groenlicht.organisation.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.comparison.ComparisonService;
import nl.groenlicht.comparison.web.ComparisonModels;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.Site;
import nl.groenlicht.organisation.SiteKind;
import nl.groenlicht.organisation.Staff;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.PublicBaseUrl;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One site of an organisation: its scans over time with the trend per section, a site-visit scan started on the
 * spot, an invitation for the employer's own self-assessment, and the two compared.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@HtmlPages
@Controller("/coach/organisations/{id}/sites/{siteId}")
class SitePagesController {

    private final OrganisationAccess access;
    private final ScanService scans;
    private final SiteModels siteModels;
    private final ComparisonService comparisons;
    private final ComparisonModels comparisonModels;
    private final PublicBaseUrl publicBaseUrl;

    SitePagesController(OrganisationAccess access, ScanService scans, SiteModels siteModels,
                        ComparisonService comparisons, ComparisonModels comparisonModels,
                        PublicBaseUrl publicBaseUrl) {
        this.access = access;
        this.scans = scans;
        this.siteModels = siteModels;
        this.comparisons = comparisons;
        this.comparisonModels = comparisonModels;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Get
    HttpResponse<?> show(String id, String siteId, HttpRequest<?> request, Authentication authentication) {
        Organisation organisation = access.organisation(id, StaffMember.of(authentication));
        Site site = access.site(organisation, siteId);
        return HttpResponse.ok(new ModelAndView<>("site", siteModels.model(organisation, site, LanguageFilter.of(request))));
    }

    /**
     * A site-visit scan: the coach starts it on the spot and fills it in on a phone or tablet, through their login
     * only: no token cookie that would outlive the logout on a shared tablet.
     */
    @Post(value = "/scans", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startScan(String id, String siteId, HttpRequest<?> request, Authentication authentication,
                              @Body String body) {
        Started started = start(id, siteId, request, authentication, body, scans::startVisit);
        return HttpResponse.seeOther(URI.create("/scans/" + started.scan().scan().id() + "/profile"));
    }

    /**
     * An invitation: the employer fills in the self-assessment through the private link, and the answers belong to
     * this site. The link is shown once; only its hash is stored.
     */
    @Post(value = "/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(String id, String siteId, HttpRequest<?> request, Authentication authentication,
                           @Body String body) {
        Started started = start(id, siteId, request, authentication, body, scans::invite);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("organisation", Map.of("id", started.organisation().id(), "name", started.organisation().name()));
        model.put("site", Map.of("id", started.site().id(), "name", started.site().name()));
        model.put("link", publicBaseUrl.of(request) + "/resume/" + started.scan().token());
        return HttpResponse.ok(new ModelAndView<>("invitation", model));
    }

    @Get("/compare")
    HttpResponse<?> compare(String id, String siteId, HttpRequest<?> request, Authentication authentication) {
        Organisation organisation = access.organisation(id, StaffMember.of(authentication));
        Site site = access.site(organisation, siteId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("organisation", Map.of("id", organisation.id(), "name", organisation.name()));
        model.put("site", Map.of("id", site.id(), "name", site.name()));
        comparisons.latestAtSite(site.id()).ifPresent(pair ->
                model.put("comparison", comparisonModels.model(pair, LanguageFilter.of(request))));
        return HttpResponse.ok(new ModelAndView<>("compare", model));
    }

    private record Started(Organisation organisation, Site site, ScanService.StartedScan scan) {
    }

    /** A scan at the site for the logged-in coach, started the given way after the CSRF check. */
    private Started start(String id, String siteId, HttpRequest<?> request, Authentication authentication, String body,
                          BiFunction<ScanService.Assignment, Map<String, List<String>>, ScanService.StartedScan> how) {
        Staff staff = StaffMember.of(authentication);
        Organisation organisation = access.organisation(id, staff);
        Site site = access.site(organisation, siteId);
        Csrf.checkedForm(request, body);
        return new Started(organisation, site, how.apply(
                new ScanService.Assignment(organisation.id(), site.id(), staff.accountId()), profile(organisation, site)));
    }

    /** What is known before the first question: the name, and whether the work is at a client's site. */
    private static Map<String, List<String>> profile(Organisation organisation, Site site) {
        Map<String, List<String>> profile = new LinkedHashMap<>();
        profile.put("organisationName", List.of(organisation.name()));
        profile.put("clientSites", List.of(site.kind() == SiteKind.CLIENT_SITE ? "yes" : "no"));
        return profile;
    }
}
