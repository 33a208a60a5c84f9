package nl.groenlicht.response.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.response.AnswerError;
import nl.groenlicht.response.InvalidAnswersException;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.ScanStartLimit;
import nl.groenlicht.scan.AnswerType;
import nl.groenlicht.scan.Answers;
import nl.groenlicht.scan.Item;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.Questionnaire;
import nl.groenlicht.scan.Section;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The employer's self-assessment in the browser: profile, one page per section, result. Every submit stores its
 * answers. The scan's private token lives in an HttpOnly cookie scoped to the scan's pages; the resume link sets it.
 */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller
class ScanPagesController {

    private static final String PROFILE_STEP = "profile";

    private final ScanService scans;
    private final PageModels models;
    private final ScanAccess access;
    private final ScanStartLimit startLimit;
    private final Messages messages;

    ScanPagesController(ScanService scans, PageModels models, ScanAccess access, ScanStartLimit startLimit,
                        Messages messages) {
        this.scans = scans;
        this.access = access;
        this.models = models;
        this.startLimit = startLimit;
        this.messages = messages;
    }

    @Get("/scans/new")
    HttpResponse<?> newScan(HttpRequest<?> request) {
        return profilePage(request, null, scans.currentQuestionnaire(), Answers.none(), List.of(), null, HttpStatus.OK);
    }

    @Post(value = "/scans", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        Questionnaire questionnaire = scans.currentQuestionnaire();
        Map<String, List<String>> submitted = submission(questionnaire.profile(), form);
        Optional<Duration> wait = startLimit.tryStart(RemoteAddress.of(request));
        if (wait.isPresent()) {
            String message = messages.get(LanguageFilter.of(request), "limits.tooManyScans",
                    ScanStartLimit.minutes(wait.get()));
            return profilePage(request, null, questionnaire, new Answers(submitted), List.of(), message,
                    HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, ScanStartLimit.seconds(wait.get()));
        }
        try {
            ScanService.StartedScan started = scans.start(ScanMode.SELF, submitted);
            long id = started.scan().id();
            return HttpResponse.seeOther(URI.create("/scans/" + id + "/saved")).cookie(ScanAccess.cookie(id, started.token()));
        } catch (InvalidAnswersException e) {
            return profilePage(request, null, questionnaire, new Answers(submitted), e.errors(), null, HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/resume/{token}")
    HttpResponse<?> resume(String token) {
        Scan scan = scans.findByToken(token).orElseThrow(ScanAccess::notFound);
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id())).cookie(ScanAccess.cookie(scan.id(), token));
    }

    @Get("/scans/{id}")
    HttpResponse<?> continueScan(String id, HttpRequest<?> request) {
        Scan scan = access.forChanging(id, request);
        Questionnaire questionnaire = scans.questionnaire(scan);
        Answers answers = scans.answers(scan);
        // An invited employer arrives at a scan a coach made, with only the organisation's name filled in.
        boolean invitedAndUntouched = scan.scanMode() == ScanMode.SELF && scan.coachId() != null
                && scan.updatedAt().equals(scan.createdAt());
        if (invitedAndUntouched) {
            return HttpResponse.seeOther(URI.create("/scans/" + scan.id() + "/profile"));
        }
        String next = questionnaire.sections().stream()
                .filter(s -> questionnaire.applies(s, answers))
                .filter(s -> s.items().stream().noneMatch(i -> answers.has(i.id())))
                .map(s -> "/sections/" + s.id())
                .findFirst().orElse("/result");
        return HttpResponse.seeOther(URI.create("/scans/" + scan.id() + next));
    }

    @Get("/scans/{id}/saved")
    HttpResponse<?> saved(String id, HttpRequest<?> request) {
        Scan scan = access.forChanging(id, request);
        Map<String, Object> model = new HashMap<>();
        model.put("scanId", scan.id());
        model.put("resumeLink", access.resumeLink(scan, request));
        model.put("nextUrl", "/scans/" + scan.id() + "/sections/" + steps(scans.questionnaire(scan), scans.answers(scan)).get(1));
        return HttpResponse.ok(new ModelAndView<>("saved", model));
    }

    @Get("/scans/{id}/profile")
    HttpResponse<?> profile(String id, HttpRequest<?> request) {
        Scan scan = access.forChanging(id, request);
        return profilePage(request, scan, scans.questionnaire(scan), scans.answers(scan), List.of(), null, HttpStatus.OK);
    }

    @Post(value = "/scans/{id}/profile", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveProfile(String id, HttpRequest<?> request, @Body String body) {
        Scan scan = access.forChanging(id, request);
        FormData form = Csrf.checkedForm(request, body);
        Questionnaire questionnaire = scans.questionnaire(scan);
        Map<String, List<String>> submitted = submission(questionnaire.profile(), form);
        try {
            scans.save(scan, submitted);
        } catch (InvalidAnswersException e) {
            Answers typed = scans.answers(scan).with(submitted);
            return profilePage(request, scan, questionnaire, typed, e.errors(), null, HttpStatus.BAD_REQUEST);
        }
        return redirectToStep(scan, questionnaire, PROFILE_STEP, form.first("action"));
    }

    @Get("/scans/{id}/sections/{sectionId}")
    HttpResponse<?> section(String id, String sectionId, HttpRequest<?> request) {
        Scan scan = access.forChanging(id, request);
        Questionnaire questionnaire = scans.questionnaire(scan);
        Section section = questionnaire.section(sectionId).orElseThrow(ScanAccess::notFound);
        return sectionPage(request, scan, questionnaire, section, scans.answers(scan), List.of(), HttpStatus.OK);
    }

    @Post(value = "/scans/{id}/sections/{sectionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveSection(String id, String sectionId, HttpRequest<?> request, @Body String body) {
        Scan scan = access.forChanging(id, request);
        FormData form = Csrf.checkedForm(request, body);
        Questionnaire questionnaire = scans.questionnaire(scan);
        Section section = questionnaire.section(sectionId).orElseThrow(ScanAccess::notFound);
        Map<String, List<String>> submitted = submission(section.items(), form);
        try {
            scans.save(scan, submitted);
        } catch (InvalidAnswersException e) {
            Answers typed = scans.answers(scan).with(submitted);
            return sectionPage(request, scan, questionnaire, section, typed, e.errors(), HttpStatus.BAD_REQUEST);
        }
        return redirectToStep(scan, questionnaire, section.id(), form.first("action"));
    }

    /** Asks before erasing: the holder of the private link may delete their self-assessment (AVG art. 17). */
    @Get("/scans/{id}/delete")
    HttpResponse<?> confirmDelete(String id, HttpRequest<?> request) {
        Scan scan = deletable(id, request);
        return HttpResponse.ok(new ModelAndView<>("delete", Map.of("scanId", scan.id(),
                "organisationName", scans.answers(scan).single("organisationName").orElse(""))));
    }

    @Post(value = "/scans/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(String id, HttpRequest<?> request, @Body String body) {
        Scan scan = deletable(id, request);
        Csrf.checkedForm(request, body);
        scans.deleteSelfAssessment(scan);
        return HttpResponse.ok(new ModelAndView<>("deleted", Map.of())).cookie(ScanAccess.expiredCookie(scan.id()));
    }

    private Scan deletable(String id, HttpRequest<?> request) {
        Scan scan = access.forReading(id, request);
        if (!ScanAccess.mayDelete(scan, request)) {
            throw ScanAccess.notFound();
        }
        return scan;
    }

    private MutableHttpResponse<?> profilePage(HttpRequest<?> request, Scan scan, Questionnaire questionnaire,
                                               Answers answers, List<AnswerError> errors,
                                               @Nullable String limitMessage, HttpStatus status) {
        Language language = LanguageFilter.of(request);
        Map<String, Object> model = formModel(models.items(questionnaire, questionnaire.profile(), answers, errors,
                language), questionnaire, answers, PROFILE_STEP, language);
        if (limitMessage != null) {
            model.put("limitMessage", limitMessage);
        }
        model.put("formAction", scan == null ? "/scans" : "/scans/" + scan.id() + "/profile");
        model.put("backUrl", scan == null ? "/" : null);
        return HttpResponse.status(status).body(new ModelAndView<>("profile", model));
    }

    private MutableHttpResponse<?> sectionPage(HttpRequest<?> request, Scan scan, Questionnaire questionnaire,
                                               Section section, Answers answers, List<AnswerError> errors,
                                               HttpStatus status) {
        Language language = LanguageFilter.of(request);
        Map<String, Object> model = formModel(models.items(questionnaire, section.items(), answers, errors, language),
                questionnaire, answers, section.id(), language);
        model.put("sectionTitle", section.title().in(language));
        model.put("sectionIntro", section.intro() == null ? null : section.intro().in(language));
        model.put("applies", questionnaire.applies(section, answers));
        model.put("formAction", "/scans/" + scan.id() + "/sections/" + section.id());
        model.put("resultUrl", "/scans/" + scan.id() + "/result");
        return HttpResponse.status(status).body(new ModelAndView<>("section", model));
    }

    private static Map<String, Object> formModel(List<ItemView> items, Questionnaire questionnaire, Answers answers,
                                                 String step, Language language) {
        List<String> steps = steps(questionnaire, answers);
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("errors", items.stream().filter(i -> i.error() != null).toList());
        model.put("questionnaireTitle", questionnaire.title().in(language));
        // 0 for a section that does not apply: it is no step of this scan.
        model.put("step", steps.indexOf(step) + 1);
        model.put("stepCount", steps.size());
        return model;
    }

    /** The steps of this scan: the profile, then every section that applies to the answers so far. */
    private static List<String> steps(Questionnaire questionnaire, Answers answers) {
        List<String> steps = new ArrayList<>();
        steps.add(PROFILE_STEP);
        questionnaire.sections().stream().filter(s -> questionnaire.applies(s, answers)).forEach(s -> steps.add(s.id()));
        return steps;
    }

    private HttpResponse<?> redirectToStep(Scan scan, Questionnaire questionnaire, String current, String action) {
        List<String> steps = steps(questionnaire, scans.answers(scan));
        int at = steps.indexOf(current);
        int target = "back".equals(action) ? at - 1 : at + 1;
        String base = "/scans/" + scan.id();
        String url;
        if (at < 0 || target >= steps.size()) {
            url = base + "/result";
        } else if (target <= 0) {
            url = base + "/profile";
        } else {
            url = base + "/sections/" + steps.get(target);
        }
        return HttpResponse.seeOther(URI.create(url));
    }

    /** What a form submitted for these items; a field left out of the form clears TEXT and MULTI answers only. */
    private static Map<String, List<String>> submission(List<Item> items, FormData form) {
        Map<String, List<String>> submitted = new LinkedHashMap<>();
        for (Item item : items) {
            List<String> values = form.all(item.id());
            if (!values.isEmpty() || item.type() == AnswerType.TEXT || item.type() == AnswerType.MULTI) {
                submitted.put(item.id(), values);
            }
        }
        return submitted;
    }


}
