package nl.groenlicht.report.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.report.PdfQueue;
import nl.groenlicht.report.PdfRenderer;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.report.ReportService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.FreemarkerViewsRenderer;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.RemoteAddress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The advice report as a page and as a PDF, for the page flow (cookie) and the API (token header). */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller
class ReportController {

    private final ScanAccess access;
    private final ReportService reports;
    private final ReportModels models;
    private final FreemarkerViewsRenderer<Map<String, Object>> renderer;
    private final PdfRenderer pdf;

    private final PdfQueue queue;

    ReportController(ScanAccess access, ReportService reports, ReportModels models,
                     FreemarkerViewsRenderer<Map<String, Object>> renderer, PdfRenderer pdf, PdfQueue queue) {
        this.access = access;
        this.reports = reports;
        this.models = models;
        this.renderer = renderer;
        this.pdf = pdf;
        this.queue = queue;
    }

    @Get("/scans/{id}/report")
    HttpResponse<?> page(String id, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        return HttpResponse.ok(new ModelAndView<>("report",
                models.model(reports.assemble(scan), LanguageFilter.of(request))));
    }

    @Get("/scans/{id}/report.pdf")
    CompletableFuture<HttpResponse<?>> pagePdf(String id, HttpRequest<?> request) {
        return pdf(access.forReading(id, request), request);
    }

    @Get("/api/scans/{id}/report.pdf")
    CompletableFuture<HttpResponse<?>> apiPdf(String id, @Nullable @Header("X-Scan-Token") String token,
                                              HttpRequest<?> request) {
        return access.byToken(id, token).map(scan -> pdf(scan, request))
                .orElseGet(() -> CompletableFuture.completedFuture(ApiError.scanNotFound()));
    }

    /** Assembled and rendered on the PDF threads; refused with 429 when this client or the portal has too many. */
    private CompletableFuture<HttpResponse<?>> pdf(Scan scan, HttpRequest<?> request) {
        Language language = LanguageFilter.of(request);
        return queue.<HttpResponse<?>>submit(RemoteAddress.of(request), () -> {
            ReportData data = reports.assemble(scan);
            String html = renderer.renderToString("report-pdf", models.model(data, language), request);
            return HttpResponse.ok(pdf.render(html))
                    .contentType(MediaType.APPLICATION_PDF_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"groenlicht-scan-" + scan.id() + ".pdf\"");
        }).orElseGet(() -> CompletableFuture.failedFuture(
                new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, "too many reports at once")));
    }
}
