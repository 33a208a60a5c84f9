package nl.groenlicht.organisation.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.organisation.Dashboard;
import nl.groenlicht.organisation.Organisation;
import nl.groenlicht.organisation.OrganisationService;
import nl.groenlicht.organisation.SiteKind;
import nl.groenlicht.organisation.Staff;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.scan.Language;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The coach's workspace: their organisations (all of them for an administrator) and each one's sites. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@HtmlPages
@Controller("/coach")
class OrganisationPagesController {

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final OrganisationService organisations;
    private final OrganisationAccess access;
    private final ScanService scans;
    private final Dashboard dashboard;
    private final DashboardModels dashboardModels;
    private final Messages messages;

    OrganisationPagesController(OrganisationService organisations, OrganisationAccess access, ScanService scans,
                                Dashboard dashboard, DashboardModels dashboardModels, Messages messages) {
        this.organisations = organisations;
        this.access = access;
        this.scans = scans;
        this.dashboard = dashboard;
        this.dashboardModels = dashboardModels;
        this.messages = messages;
    }

    /** The dashboard: the staff member's organisations with their latest verdicts, narrowed by name and verdict. */
    @Get
    HttpResponse<?> home(HttpRequest<?> request, Authentication authentication) {
        return home(request, authentication, "", Map.of(), HttpStatus.OK);
    }

    @Post(value = "/organisations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        try {
            Organisation created = organisations.create(form.first("name"), StaffMember.of(authentication));
            return HttpResponse.seeOther(URI.create("/coach/organisations/" + created.id()));
        } catch (InvalidFieldsException e) {
            return home(request, authentication, form.text("name"), e.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/organisations/{id}")
    HttpResponse<?> show(String id, HttpRequest<?> request, Authentication authentication) {
        Organisation organisation = access.organisation(id, StaffMember.of(authentication));
        return detail(request, organisation, Map.of("name", "", "kind", ""), Map.of(), HttpStatus.OK);
    }

    @Post(value = "/organisations/{id}/sites", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addSite(String id, HttpRequest<?> request, Authentication authentication, @Body String body) {
        Organisation organisation = access.organisation(id, StaffMember.of(authentication));
        FormData form = Csrf.checkedForm(request, body);
        try {
            organisations.addSite(organisation, form.first("name"), form.first("kind"));
            return HttpResponse.seeOther(URI.create("/coach/organisations/" + organisation.id()));
        } catch (InvalidFieldsException e) {
            return detail(request, organisation, Map.of("name", form.text("name"),
                    "kind", form.text("kind")), e.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    private MutableHttpResponse<?> home(HttpRequest<?> request, Authentication authentication, String typedName,
                                        Map<String, String> problems, HttpStatus status) {
        Staff staff = StaffMember.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("name", String.valueOf(authentication.getAttributes().getOrDefault("name", staff.email())));
        model.put("email", staff.email());
        model.put("admin", staff.admin());
        Language language = LanguageFilter.of(request);
        String search = request.getParameters().getFirst("q").map(String::strip).orElse("");
        String verdict = request.getParameters().getFirst("readiness")
                .filter(v -> dashboardModels.filters(language).stream().anyMatch(f -> f.get("value").equals(v)))
                .orElse("");
        Dashboard.Page page = dashboard.page(staff, search, verdict,
                request.getParameters().getFirst("page", Integer.class).filter(n -> n > 0).orElse(1));
        model.put("organisations", dashboardModels.rows(page, language));
        model.put("filters", dashboardModels.filters(language));
        model.put("search", search);
        model.put("verdict", verdict);
        model.put("filtered", !search.isEmpty() || !verdict.isEmpty());
        model.put("pageNumber", page.number());
        model.put("hasNext", page.hasNext());
        model.put("typedName", typedName);
        model.put("errors", messages.byField(LanguageFilter.of(request), problems));
        return HttpResponse.status(status).body(new ModelAndView<>("coach", model));
    }

    private MutableHttpResponse<?> detail(HttpRequest<?> request, Organisation organisation, Map<String, String> typed,
                                          Map<String, String> problems, HttpStatus status) {
        Language language = LanguageFilter.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", Map.of("id", organisation.id(), "name", organisation.name()));
        model.put("sites", organisations.sites(organisation).stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                "kind", messages.get(language, "site.kind." + s.kind().name()),
                "scans", scans.atSite(s.id()).stream().map(scan -> Map.of("id", scan.id(),
                        "date", DATE.format(scan.createdAt().atZone(NETHERLANDS)))).toList())).toList());
        model.put("kinds", Arrays.stream(SiteKind.values()).map(k -> Map.of("value", k.name(),
                "label", messages.get(language, "site.kind." + k.name()))).toList());
        model.put("typed", typed);
        model.put("errors", messages.byField(LanguageFilter.of(request), problems));
        return HttpResponse.status(status).body(new ModelAndView<>("organisation", model));
    }
}
