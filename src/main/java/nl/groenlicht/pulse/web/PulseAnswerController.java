package nl.groenlicht.pulse.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.pulse.Pulse;
import nl.groenlicht.pulse.PulseDefinition;
import nl.groenlicht.pulse.PulseService;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.ScanToken;
import nl.groenlicht.response.web.ScanAccess;
import nl.groenlicht.scan.Language;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The respondent's page: no account, no name. The only thing the browser keeps is a random cookie for this pulse's
 * pages, whose hash marks the device as having answered; the answers themselves are stored apart from it.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller("/pulse/{token}")
class PulseAnswerController {

    private static final String DEVICE_COOKIE = "gl_pulse";

    private final PulseService pulses;
    private final ScanService scans;
    private final Messages messages;
    private final String operator;

    PulseAnswerController(PulseService pulses, ScanService scans, Messages messages,
                          @Value("${groenlicht.pulse.operator:}") String operator) {
        this.pulses = pulses;
        this.scans = scans;
        this.messages = messages;
        this.operator = operator;
    }

    @Get
    HttpResponse<?> page(String token, HttpRequest<?> request) {
        Pulse pulse = pulse(token);
        return answerPage(pulse, request, Map.of(), List.of(), HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(String token, HttpRequest<?> request, @Body String body) {
        Pulse pulse = pulse(token);
        FormData form = Csrf.checkedForm(request, body);
        Map<String, String> answers = new HashMap<>();
        pulses.definition(pulse).statements().forEach(s -> {
            String value = form.first(s.id());
            if (value != null) {
                answers.put(s.id(), value);
            }
        });
        List<String> problems = pulses.problems(pulse, answers);
        if (!problems.isEmpty()) {
            return answerPage(pulse, request, answers, problems, HttpStatus.BAD_REQUEST);
        }
        String device = request.getCookies().findCookie(DEVICE_COOKIE).map(Cookie::getValue)
                .orElseGet(ScanToken::generate);
        PulseService.Outcome outcome = pulses.answer(pulse, device, answers);
        return HttpResponse.seeOther(URI.create("/pulse/" + token + "/done?outcome=" + outcome.name()))
                .cookie(Cookie.of(DEVICE_COOKIE, device).path("/pulse/" + token).httpOnly(true)
                        .sameSite(SameSite.Lax).maxAge(Duration.ofDays(180)));
    }

    @Get("/done")
    HttpResponse<?> done(String token, HttpRequest<?> request) {
        Pulse pulse = pulse(token);
        String outcome = request.getParameters().getFirst("outcome").filter(o -> List.of("SAVED", "ALREADY_ANSWERED",
                "CLOSED").contains(o)).orElse("SAVED");
        Map<String, Object> model = who(pulse, LanguageFilter.of(request));
        model.put("outcome", outcome);
        return HttpResponse.ok(new ModelAndView<>("pulse-done", model));
    }

    private Pulse pulse(String token) {
        return pulses.byLink(token).orElseThrow(ScanAccess::notFound);
    }

    private HttpResponse<?> answerPage(Pulse pulse, HttpRequest<?> request, Map<String, String> answers,
                                       List<String> problems, HttpStatus status) {
        Language language = LanguageFilter.of(request);
        PulseDefinition definition = pulses.definition(pulse);
        Map<String, Object> model = who(pulse, language);
        model.put("token", pulse.linkToken());
        model.put("closed", pulse.closed());
        model.put("minimum", pulse.minimumAnswers());
        model.put("statements", definition.statements().stream().map(s -> Map.of(
                "id", s.id(),
                "text", s.text().in(language),
                "error", problems.contains(s.id()) ? messages.get(language, "pulse.answer.missing") : "",
                "options", definition.scale().stream().map(o -> Map.of("value", o.value(),
                        "label", o.label().in(language),
                        "selected", o.value().equals(answers.get(s.id())))).toList())).toList());
        Map<String, String> errors = new LinkedHashMap<>();
        definition.statements().stream().filter(s -> problems.contains(s.id()))
                .forEach(s -> errors.put(s.id(), s.text().in(language) + ": " + messages.get(language, "pulse.answer.missing")));
        model.put("errors", errors);
        return HttpResponse.status(status).body(new ModelAndView<>("pulse-answer", model));
    }

    private Map<String, Object> who(Pulse pulse, Language language) {
        Map<String, Object> model = new HashMap<>();
        String organisation = scans.byId(pulse.scanId()).map(scan -> scans.answers(scan).single("organisationName")
                .orElse("")).orElse("");
        model.put("organisationName", organisation);
        model.put("team", pulse.team());
        model.put("operator", operator.isBlank() ? messages.get(language, "pulse.operator.unnamed") : operator);
        return model;
    }
}
