package nl.groenlicht.account.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.session.SessionLoginHandler;
import io.micronaut.session.http.HttpSessionFilter;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.account.AuditLog;
import nl.groenlicht.account.StaffLogin;
import nl.groenlicht.validation.InvalidFieldsException;
import nl.groenlicht.web.ApiError;
import nl.groenlicht.web.Csrf;
import nl.groenlicht.web.FormData;
import nl.groenlicht.web.JsonBodies;
import nl.groenlicht.web.LanguageFilter;
import nl.groenlicht.web.Messages;
import nl.groenlicht.web.RemoteAddress;

import java.util.HashMap;
import java.util.Map;

/**
 * Staff change their own password with the current one (issue 16, M-9). Every session of the account ends, so whoever
 * else knew the old password is logged out; on the page the holder is logged in anew with a new session.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller
class AccountPasswordController {

    static final String PAGE = "/account/password";
    static final String API = "/api/account/password";

    private final AccountService accounts;
    private final SessionLoginHandler loginHandler;
    private final AuditLog audit;
    private final Messages messages;
    private final JsonBodies bodies;

    AccountPasswordController(AccountService accounts, SessionLoginHandler loginHandler, AuditLog audit,
                              Messages messages, JsonBodies bodies) {
        this.accounts = accounts;
        this.loginHandler = loginHandler;
        this.audit = audit;
        this.messages = messages;
        this.bodies = bodies;
    }

    @Get(PAGE)
    HttpResponse<?> page(HttpRequest<?> request, Authentication staff) {
        return page(request, staff, Map.of(), HttpStatus.OK);
    }

    @Post(value = PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Authentication staff, @Body String body) {
        FormData form = Csrf.checkedForm(request, body);
        try {
            accounts.changeOwnPassword(accountId(staff), form.first("currentPassword"), form.first("password"),
                    form.first("repeatPassword"));
        } catch (InvalidFieldsException e) {
            return page(request, staff, e.problems(), HttpStatus.BAD_REQUEST);
        }
        audit.record(staff.getName(), "PASSWORD_CHANGED", null, RemoteAddress.of(request));
        // The change ended this session with the others: the holder goes on in a new one.
        request.removeAttribute(HttpSessionFilter.SESSION_ATTRIBUTE.toString(), Object.class);
        Map<String, Object> attributes = new HashMap<>(staff.getAttributes());
        attributes.put(StaffLogin.MUST_CHANGE_PASSWORD, false);
        return loginHandler.loginSuccess(Authentication.build(staff.getName(), staff.getRoles(), attributes), request);
    }

    /** {@code {"currentPassword": "…", "newPassword": "…"}}: 204, or 400 with what is wrong. */
    @Put(API)
    HttpResponse<?> changeByApi(HttpRequest<?> request, Authentication staff, @Nullable @Body byte[] body) {
        try {
            JsonNode json = bodies.object(body);
            String password = JsonBodies.string(json, "newPassword");
            accounts.changeOwnPassword(accountId(staff), JsonBodies.string(json, "currentPassword"), password,
                    password);
        } catch (JsonBodies.BadBody e) {
            return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (InvalidFieldsException e) {
            return ApiError.ofFields(messages, e);
        }
        audit.record(staff.getName(), "PASSWORD_CHANGED", null, RemoteAddress.of(request));
        return HttpResponse.noContent();
    }

    private static long accountId(Authentication staff) {
        return ((Number) staff.getAttributes().get("accountId")).longValue();
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Authentication staff, Map<String, String> problems,
                                        HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", messages.byField(LanguageFilter.of(request), problems));
        model.put("mustChange", Boolean.TRUE.equals(staff.getAttributes().get(StaffLogin.MUST_CHANGE_PASSWORD)));
        return HttpResponse.status(status).body(new ModelAndView<>("account-password", model));
    }
}
