package nl.groenlicht.account.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import nl.groenlicht.account.Account;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.JsonBodies;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Coach accounts through the API, for administrators (HTTP Basic or a session). Disabling a coach or setting their
 * password ends their sessions at once, as on the pages. An id that is not a coach's answers 404.
 */
@Secured("ADMIN")
@Controller("/api/admin/coaches")
class AdminApiController {

    private final AccountService accounts;
    private final JsonBodies bodies;
    private final Messages messages;
    private final AuditLog audit;

    AdminApiController(AccountService accounts, JsonBodies bodies, Messages messages, AuditLog audit) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.messages = messages;
        this.audit = audit;
    }

    @Post
    HttpResponse<?> create(HttpRequest<?> request, Principal admin, @Nullable @Body byte[] body) {
        try {
            JsonNode json = bodies.object(body);
            Account coach = accounts.createCoach(JsonBodies.string(json, "email"), JsonBodies.string(json, "name"), JsonBodies.string(json, "password"));
            audit.record(admin.getName(), "ACCOUNT_CREATED", coach.email(), RemoteAddress.of(request));
            return HttpResponse.created(Map.of("id", coach.id()));
        } catch (JsonBodies.BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidFieldsException e) {
            return ApiError.ofFields(messages, e);
        }
    }

    /** {@code {"enabled": false}} disables the coach and ends their sessions; {@code true} lets them log in again. */
    @Put("/{id}/enabled")
    HttpResponse<?> setEnabled(long id, HttpRequest<?> request, Principal admin, @Nullable @Body byte[] body) {
        return changeCoach(id, body, (coach, json) -> {
            JsonNode enabled = json.get("enabled");
            if (enabled == null || !enabled.isBoolean()) {
                throw new JsonBodies.BadBody("'enabled' must be true or false.");
            }
            accounts.setEnabled(coach.id(), enabled.getBooleanValue());
            audit.record(admin.getName(), enabled.getBooleanValue() ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
                    coach.email(), RemoteAddress.of(request));
        });
    }

    /** {@code {"password": "…"}} sets the coach's password and ends the sessions opened with the old one. */
    @Put("/{id}/password")
    HttpResponse<?> resetPassword(long id, HttpRequest<?> request, Principal admin, @Nullable @Body byte[] body) {
        return changeCoach(id, body, (coach, json) -> {
            accounts.resetPassword(coach.id(), JsonBodies.string(json, "password"));
            audit.record(admin.getName(), "PASSWORD_RESET", coach.email(), RemoteAddress.of(request));
        });
    }

    /** Applies a change to the coach with this id: 204, or 404 for an id that is not a coach's, or 400. */
    private HttpResponse<?> changeCoach(long id, byte[] body, BiConsumer<Account, JsonNode> change) {
        Optional<Account> coach = accounts.coach(id);
        if (coach.isEmpty()) {
            return ApiError.of(HttpStatus.NOT_FOUND, "There is no coach with this id.");
        }
        try {
            change.accept(coach.get(), bodies.object(body));
            return HttpResponse.noContent();
        } catch (JsonBodies.BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidFieldsException e) {
            return ApiError.ofFields(messages, e);
        }
    }
}
