package nl.groenlicht.account.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** Where staff land after login. The coach's organisations and scans come here with the coach workspace. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/coach")
class StaffHomeController {

    @View("coach")
    @Get
    Map<String, Object> home(Authentication authentication) {
        return Map.of("name", String.valueOf(authentication.getAttributes().getOrDefault("name", authentication.getName())),
                "email", authentication.getName(),
                "admin", authentication.getRoles().contains("ADMIN"));
    }
}
