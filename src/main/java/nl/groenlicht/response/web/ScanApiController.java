package nl.groenlicht.response.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.groenlicht.response.InvalidAnswersException;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.ScanStartLimit;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.QuestionnaireCatalog;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.JsonBodies;
import nl.groenlicht.web.JsonBodies.BadBody;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The self-assessment as a JSON API, on the same services as the pages. Messages are in English. */
// No account: the scan's private token (or nothing, for public pages) is what grants access.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/scans")
class ScanApiController {

    static final Language API_LANGUAGE = Language.EN;
    /**
     * A request with more answers than the questionnaire has questions, plus this many, is refused before any answer is
     * checked: 60,000 unknown item ids once cost 0.44 s of CPU and a 4 MB list of errors (issue 16, L-11).
     */
    static final int EXTRA_ANSWERS_ALLOWED = 50;
    /** Errors listed in one answer at most; the rest are counted. */
    static final int MAX_ERRORS_LISTED = 50;

    private final ScanService scans;
    private final JsonBodies bodies;
    private final Messages messages;
    private final ScanAccess access;
    private final ScanStartLimit startLimit;
    private final int maxAnswers;

    ScanApiController(ScanService scans, JsonBodies bodies, Messages messages, ScanAccess access,
                      ScanStartLimit startLimit, QuestionnaireCatalog catalog) {
        this.scans = scans;
        this.maxAnswers = catalog.mostItems() + EXTRA_ANSWERS_ALLOWED;
        this.startLimit = startLimit;
        this.access = access;
        this.bodies = bodies;
        this.messages = messages;
    }

    @Post
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @Body byte[] body) {
        JsonNode root;
        try {
            root = bodies.object(body);
        } catch (BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        JsonNode mode = root.get("mode");
        if (mode == null || !mode.isString() || !ScanMode.SELF.name().equals(mode.getStringValue())) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "'mode' must be \"SELF\"");
        }
        JsonNode profile = root.get("profile");
        if (profile == null || !profile.isObject()) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "'profile' must be an object of answers");
        }
        Optional<Duration> wait = startLimit.tryStart(RemoteAddress.of(request));
        if (wait.isPresent()) {
            return ApiError.of(HttpStatus.TOO_MANY_REQUESTS, messages.get(API_LANGUAGE, "limits.tooManyScansApi",
                    ScanStartLimit.minutes(wait.get()))).header(HttpHeaders.RETRY_AFTER, ScanStartLimit.seconds(wait.get()));
        }
        try {
            ScanService.StartedScan started = scans.start(ScanMode.SELF, answers(profile));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", started.scan().id());
            json.put("token", started.token());
            return HttpResponse.created(json);
        } catch (BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidAnswersException e) {
            return invalid(e);
        }
    }

    @Put("/{id}/answers")
    HttpResponse<?> saveAnswers(String id, @Nullable @Header("X-Scan-Token") String token, @Nullable @Body byte[] body) {
        Optional<Scan> scan = find(id, token);
        if (scan.isEmpty()) {
            return notFound();
        }
        try {
            JsonNode answers = bodies.object(body).get("answers");
            if (answers == null || !answers.isObject()) {
                return ApiError.of(HttpStatus.BAD_REQUEST, "'answers' must be an object of item id to answer");
            }
            return HttpResponse.ok(Map.of("saved", scans.save(scan.get(), answers(answers))));
        } catch (BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidAnswersException e) {
            return invalid(e);
        }
    }

    /** The holder of a self-assessment's token erases it, with its answers and plan (AVG art. 17). */
    @Delete("/{id}")
    HttpResponse<?> delete(String id, @Nullable @Header("X-Scan-Token") String token) {
        Optional<Scan> scan = find(id, token).filter(s -> s.scanMode() == ScanMode.SELF);
        if (scan.isEmpty()) {
            return notFound();
        }
        scans.deleteSelfAssessment(scan.get());
        return HttpResponse.noContent();
    }

    private Optional<Scan> find(String id, String token) {
        return access.byToken(id, token);
    }

    private static HttpResponse<?> notFound() {
        return ApiError.scanNotFound();
    }

    private HttpResponse<?> invalid(InvalidAnswersException e) {
        List<Map.Entry<String, String>> listed = e.errors().stream().limit(MAX_ERRORS_LISTED)
                .map(err -> Map.entry(err.item(), messages.get(API_LANGUAGE, err.problem().messageKey())))
                .toList();
        int unlisted = e.errors().size() - listed.size();
        return unlisted == 0 ? ApiError.ofItems(HttpStatus.BAD_REQUEST, listed)
                : ApiError.ofItems(HttpStatus.BAD_REQUEST, listed, messages.get(API_LANGUAGE, "error.moreErrors", unlisted));
    }

    /** Answers as JSON: a string per item, or an array of strings for MULTI. */
    private Map<String, List<String>> answers(JsonNode object) {
        if (object.size() > maxAnswers) {
            throw new BadBody(messages.get(API_LANGUAGE, "error.tooManyAnswers", maxAnswers));
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            JsonNode value = entry.getValue();
            List<String> values = new ArrayList<>();
            if (value.isString()) {
                values.add(value.getStringValue());
            } else if (value.isArray()) {
                for (JsonNode element : value.values()) {
                    if (!element.isString()) {
                        throw new BadBody("Answer to '" + entry.getKey() + "': every element must be a string.");
                    }
                    values.add(element.getStringValue());
                }
            } else {
                throw new BadBody("Answer to '" + entry.getKey() + "' must be a string (an array of strings for MULTI).");
            }
            answers.put(entry.getKey(), values);
        }
        return answers;
    }
}
