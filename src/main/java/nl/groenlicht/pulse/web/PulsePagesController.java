package nl.groenlicht.pulse.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.pulse.Pulse;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.PublicBaseUrl;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The opener's side of the team pulse, under the scan's pages: whoever may change the scan (the employer through the
 * resume link, the coach of a site-visit scan) opens a pulse for a team and closes it; whoever may read the scan sees
 * the pulses, always and only as their k-anonymous summary.
 */
// No account: the scan's private token (or the coach's login) is what grants access, as for the scan's other pages.
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller("/scans/{id}/pulses")
class PulsePagesController {

    private final ScanAccess access;
    private final ScanService scans;
    private final PulseService pulses;
    private final PulseModels models;
    private final PublicBaseUrl publicBaseUrl;
    private final Messages messages;

    PulsePagesController(ScanAccess access, ScanService scans, PulseService pulses, PulseModels models,
                         PublicBaseUrl publicBaseUrl, Messages messages) {
        this.access = access;
        this.scans = scans;
        this.pulses = pulses;
        this.models = models;
        this.publicBaseUrl = publicBaseUrl;
        this.messages = messages;
    }

    @Get
    HttpResponse<?> list(String id, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        return listPage(scan, request, "", null, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> open(String id, HttpRequest<?> request, @Body String body) {
        Scan scan = changeable(id, request);
        FormData form = Csrf.checkedForm(request, body);
        String team = form.text("team");
        if (team.isBlank() || team.strip().length() > PulseService.TEAM_LENGTH) {
            String error = messages.get(LanguageFilter.of(request), team.isBlank() ? "pulse.team.missing" : "pulse.team.tooLong",
                    PulseService.TEAM_LENGTH);
            return listPage(scan, request, team, error, HttpStatus.BAD_REQUEST);
        }
        Pulse pulse = pulses.open(scan, team);
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id() + "/pulses/" + pulse.id()));
    }

    @Get("/{pulseId}")
    HttpResponse<?> show(String id, String pulseId, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        Pulse pulse = pulses.of(scan, pulseId).orElseThrow(ScanAccess::notFound);
        Language language = LanguageFilter.of(request);
        Map<String, Object> model = base(scan);
        model.put("pulse", models.view(pulses.shown(pulse, scans.questionnaire(scan)), scans.questionnaire(scan), null,
                scan.scanMode(), null, language));
        model.put("link", publicBaseUrl.of(request) + "/pulse/" + pulse.linkToken());
        model.put("editable", access.mayChange(scan, request));
        return HttpResponse.ok(new ModelAndView<>("pulse", model));
    }

    @Post(value = "/{pulseId}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(String id, String pulseId, HttpRequest<?> request, @Body String body) {
        Scan scan = changeable(id, request);
        Csrf.checkedForm(request, body);
        pulses.close(pulses.of(scan, pulseId).orElseThrow(ScanAccess::notFound));
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id() + "/pulses/" + pulseId));
    }

    private Scan changeable(String id, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        if (!access.mayChange(scan, request)) {
            throw ScanAccess.notFound();
        }
        return scan;
    }

    private HttpResponse<?> listPage(Scan scan, HttpRequest<?> request, String team, String error, HttpStatus status) {
        Map<String, Object> model = base(scan);
        List<Map<String, Object>> list = pulses.ofScan(scan).stream().map(p -> Map.<String, Object>of(
                "id", p.id(), "team", p.team(), "round", p.round(), "closed", p.closed(), "received", p.received()))
                .toList();
        model.put("pulses", list);
        model.put("editable", access.mayChange(scan, request));
        model.put("team", team);
        model.put("minimum", pulses.minimumAnswers());
        model.put("errors", error == null ? Map.of() : Map.of("team", error));
        return HttpResponse.status(status).body(new ModelAndView<>("pulses", model));
    }

    private Map<String, Object> base(Scan scan) {
        Map<String, Object> model = new HashMap<>();
        model.put("scanId", scan.id());
        model.put("organisationName", scans.answers(scan).single("organisationName").orElse(""));
        return model;
    }
}
