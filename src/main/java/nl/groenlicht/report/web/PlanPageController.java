package nl.groenlicht.report.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.advice.PlanLine;
import nl.groenlicht.advice.PlanStore;
import nl.groenlicht.advice.PlanValidator;
import nl.groenlicht.advice.StalePlanException;
import nl.groenlicht.report.ReportData;
import nl.groenlicht.report.ReportService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The action plan: the user picks advice, with an owner and a target date each; saving replaces the whole plan. */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller("/scans/{id}/plan")
class PlanPageController {

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final ScanAccess access;
    private final ReportService reports;
    private final ReportModels models;
    private final PlanStore plans;
    private final Messages messages;

    PlanPageController(ScanAccess access, ReportService reports, ReportModels models, PlanStore plans,
                       Messages messages) {
        this.access = access;
        this.reports = reports;
        this.models = models;
        this.plans = plans;
        this.messages = messages;
    }

    /** One row of the plan form: an advice and what is (or was typed) for it. */
    public record Row(String adviceId, String title, String nextStep, boolean included, String owner, String date,
                      String ownerError, String dateError) {
    }

    @Get
    HttpResponse<?> page(String id, @Nullable @QueryValue String saved, HttpRequest<?> request) {
        Scan scan = access.forChanging(id, request);
        ReportData data = reports.assemble(scan);
        Map<String, PlanLine> current = new LinkedHashMap<>();
        data.plan().forEach(line -> current.put(line.adviceId(), line));
        List<Row> rows = data.advice().stream().map(a -> {
            PlanLine line = current.get(a.item().id());
            return row(a.item().id(), data, LanguageFilter.of(request), line != null,
                    line == null ? "" : line.owner(), line == null ? "" : line.targetDate().toString(), Map.of());
        }).toList();
        return render(scan, rows, List.of(), plans.version(scan.id()), saved != null, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(String id, HttpRequest<?> request, @Body String body) {
        Scan scan = access.forChanging(id, request);
        FormData form = Csrf.checkedForm(request, body);
        ReportData data = reports.assemble(scan);
        List<String> included = form.all("include");
        List<PlanValidator.Submitted> submitted = data.advice().stream()
                .map(a -> a.item().id())
                .filter(included::contains)
                .map(adviceId -> new PlanValidator.Submitted(adviceId, form.first("owner-" + adviceId),
                        form.first("date-" + adviceId)))
                .toList();
        PlanValidator.Outcome outcome = new PlanValidator().check(submitted, LocalDate.now(NETHERLANDS));
        Language language = LanguageFilter.of(request);
        int readVersion = version(form.text("version"));
        if (!outcome.errors().isEmpty()) {
            List<Row> rows = typedRows(data, language, form, outcome.errors());
            List<Map<String, String>> summary = new ArrayList<>();
            rows.forEach(r -> {
                if (r.ownerError() != null) {
                    summary.add(Map.of("href", "#owner-" + r.adviceId(), "text", r.title() + ": " + r.ownerError()));
                }
                if (r.dateError() != null) {
                    summary.add(Map.of("href", "#date-" + r.adviceId(), "text", r.title() + ": " + r.dateError()));
                }
            });
            return render(scan, rows, summary, readVersion, false, HttpStatus.BAD_REQUEST);
        }
        try {
            plans.replace(scan.id(), readVersion, outcome.plan());
        } catch (StalePlanException e) {
            // Shown with what this writer typed and the version now stored: saving again replaces it on purpose.
            return render(scan, typedRows(data, language, form, Map.of()),
                    List.of(Map.of("href", "#plan-form", "text", messages.get(language, "error.plan.stale"))),
                    plans.version(scan.id()), false, HttpStatus.CONFLICT);
        }
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id() + "/plan?saved=1"));
    }

    /** The plan form as this writer filled it in. */
    private List<Row> typedRows(ReportData data, Language language, FormData form, Map<String, String> errors) {
        List<String> included = form.all("include");
        return data.advice().stream().map(a -> row(a.item().id(), data, language, included.contains(a.item().id()),
                form.text("owner-" + a.item().id()), form.text("date-" + a.item().id()), errors)).toList();
    }

    /** The version the form was read at; unreadable counts as none, which is never current. */
    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Row row(String adviceId, ReportData data, Language language, boolean included, String owner, String date,
                    Map<String, String> errors) {
        var advice = data.advice().stream().filter(a -> a.item().id().equals(adviceId)).findFirst().orElseThrow();
        String ownerError = errors.get(adviceId + ".owner");
        String dateError = errors.get(adviceId + ".date");
        return new Row(adviceId, advice.item().title().in(language), advice.item().nextStep().in(language), included,
                owner, date, ownerError == null ? null : messages.get(language, ownerError),
                dateError == null ? null : messages.get(language, dateError));
    }


    private HttpResponse<?> render(Scan scan, List<Row> rows, List<Map<String, String>> errors, int version,
                                   boolean saved, HttpStatus status) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("scanId", scan.id());
        model.put("version", version);
        model.put("rows", rows);
        model.put("errors", errors);
        model.put("saved", saved);
        return HttpResponse.status(status).body(new ModelAndView<>("plan", model));
    }
}
