package nl.groenlicht.account.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import nl.groenlicht.account.Account;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.account.Role;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.JsonBodies;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.security.Principal;
import java.util.Map;

/** Coach accounts through the API, for administrators (HTTP Basic or a session). */
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
            Account coach = accounts.create(JsonBodies.string(json, "email"), JsonBodies.string(json, "name"), JsonBodies.string(json, "password"), Role.COACH);
            audit.record(admin.getName(), "ACCOUNT_CREATED", coach.email(), RemoteAddress.of(request));
            return HttpResponse.created(Map.of("id", coach.id()));
        } catch (JsonBodies.BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidFieldsException e) {
            return ApiError.ofFields(messages, e);
        }
    }

}
