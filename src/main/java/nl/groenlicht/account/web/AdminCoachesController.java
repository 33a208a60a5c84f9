package nl.groenlicht.account.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.account.Account;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.HtmlPages;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's pages for coach accounts: create, disable or enable, and set a new password. Disabling a coach
 * or setting their password logs them out everywhere at once.
 */
@Secured("ADMIN")
@HtmlPages
@Controller("/admin/coaches")
class AdminCoachesController {

    private final AccountService accounts;
    private final AuditLog audit;
    private final Messages messages;

    AdminCoachesController(AccountService accounts, AuditLog audit, Messages messages) {
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request) {
        return page(request, Map.of("email", "", "name", ""), Map.of(), HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Principal admin, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        try {
            Account coach = accounts.createCoach(form.first("email"), form.first("name"), form.first("password"));
            audit.record(admin.getName(), "ACCOUNT_CREATED", coach.email(), RemoteAddress.of(request));
            return HttpResponse.seeOther(URI.create("/admin/coaches"));
        } catch (InvalidFieldsException e) {
            Map<String, String> typed = new HashMap<>();
            typed.put("email", form.text("email"));
            typed.put("name", form.text("name"));
            return page(request, typed, e.problems(), HttpStatus.BAD_REQUEST);
        }
    }

    @Post(value = "/{id}/enabled", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setEnabled(long id, HttpRequest<?> request, Principal admin, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        Account coach = coach(id);
        boolean enabled = "true".equals(form.first("enabled"));
        accounts.setEnabled(coach.id(), enabled);
        audit.record(admin.getName(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", coach.email(),
                RemoteAddress.of(request));
        return HttpResponse.seeOther(URI.create("/admin/coaches"));
    }

    @Post(value = "/{id}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(long id, HttpRequest<?> request, Principal admin, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        Account coach = coach(id);
        try {
            accounts.resetPassword(coach.id(), form.first("password"));
        } catch (InvalidFieldsException e) {
            return page(request, Map.of("email", "", "name", ""), Map.of("password-" + id,
                    e.problems().get("password")), HttpStatus.BAD_REQUEST);
        }
        audit.record(admin.getName(), "PASSWORD_RESET", coach.email(), RemoteAddress.of(request));
        return HttpResponse.seeOther(URI.create("/admin/coaches"));
    }

    private Account coach(long id) {
        return accounts.coach(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Map<String, String> typed, Map<String, String> problems,
                                        HttpStatus status) {
        Map<String, String> errors = messages.byField(LanguageFilter.of(request), problems);
        List<Map<String, Object>> coaches = accounts.coaches().stream().map(a -> Map.<String, Object>of(
                "id", a.id(), "email", a.email(), "name", a.name(), "enabled", a.enabled())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("coaches", coaches);
        model.put("typed", typed);
        model.put("errors", errors);
        return HttpResponse.status(status).body(new ModelAndView<>("admin-coaches", model));
    }


}
