package nl.groenlicht.report.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.report.ReportService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;

import java.util.Map;

/** The result page: every light with the answers behind it, the verdict, and the advice that follows. */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller
class ResultPageController {

    private final ScanAccess access;
    private final ReportService reports;
    private final ReportModels models;

    ResultPageController(ScanAccess access, ReportService reports, ReportModels models) {
        this.access = access;
        this.reports = reports;
        this.models = models;
    }

    @Get("/scans/{id}/result")
    HttpResponse<?> result(String id, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        Map<String, Object> model = models.model(reports.assemble(scan), LanguageFilter.of(request));
        model.put("resumeLink", access.resumeLink(scan, request));
        model.put("editable", access.mayChange(scan, request));
        model.put("deletable", ScanAccess.mayDelete(scan, request));
        return HttpResponse.ok(new ModelAndView<>("result", model));
    }
}
