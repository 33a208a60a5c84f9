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

    private final ScanService scans;
    private final JsonBodies bodies;
    private final Messages messages;
    private final ScanAccess access;
    private final ScanStartLimit startLimit;

    ScanApiController(ScanService scans, JsonBodies bodies, Messages messages, ScanAccess access,
                      ScanStartLimit startLimit) {
        this.scans = scans;
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
        return ApiError.ofItems(HttpStatus.BAD_REQUEST, e.errors().stream()
                .map(err -> Map.entry(err.item(), messages.get(API_LANGUAGE, err.problem().messageKey())))
                .toList());
    }

    /** Answers as JSON: a string per item, or an array of strings for MULTI. */
    private static Map<String, List<String>> answers(JsonNode object) {
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
