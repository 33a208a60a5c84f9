package nl.groenlicht.report.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.report.ReportService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.ApiError;

import java.util.Optional;
import java.util.function.Function;

/**
 * A scan's result with its advice and its exports, for API clients holding the scan's token: in Dutch, or with
 * {@code ?lang=en} in English, like the questionnaire.
 */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/scans/{id}")
class ReportApiController {

    private final ScanAccess access;
    private final ReportService reports;
    private final ReportJson json;
    private final ReportCsv csv;

    ReportApiController(ScanAccess access, ReportService reports, ReportJson json, ReportCsv csv) {
        this.access = access;
        this.reports = reports;
        this.json = json;
        this.csv = csv;
    }

    @Get("/result")
    HttpResponse<?> result(String id, @Nullable @Header("X-Scan-Token") String token, @Nullable @QueryValue String lang) {
        return withReport(id, token, data -> HttpResponse.ok(json.result(data, language(lang))));
    }

    @Get("/export.json")
    HttpResponse<?> exportJson(String id, @Nullable @Header("X-Scan-Token") String token,
                               @Nullable @QueryValue String lang) {
        return withReport(id, token, data -> HttpResponse.ok(json.export(data, language(lang)))
                .header("Content-Disposition", "attachment; filename=\"groenlicht-scan-" + data.scan().id() + ".json\""));
    }

    @Get("/export.csv")
    HttpResponse<?> exportCsv(String id, @Nullable @Header("X-Scan-Token") String token,
                              @Nullable @QueryValue String lang) {
        return withReport(id, token, data -> HttpResponse.ok(csv.answers(data, language(lang)))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"groenlicht-scan-" + data.scan().id() + ".csv\""));
    }

    /** The query's language only, not the pages' cookie: an API client gets the same answer every time. */
    private static Language language(@Nullable String lang) {
        return Language.parse(lang).orElse(Language.DEFAULT);
    }

    private HttpResponse<?> withReport(String id, String token, Function<ReportData, HttpResponse<?>> respond) {
        Optional<Scan> scan = access.byToken(id, token);
        return scan.<HttpResponse<?>>map(s -> respond.apply(reports.assemble(s))).orElseGet(ApiError::scanNotFound);
    }
}
