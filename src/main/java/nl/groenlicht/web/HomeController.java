package nl.groenlicht.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.groenlicht.scan.Language;
import nl.groenlicht.scan.QuestionnaireCatalog;

import java.util.Map;

/** The start page: what the scan looks at, how long it takes and what happens with the answers. */
@Secured(SecurityRule.IS_ANONYMOUS)
@HtmlPages
@Controller
class HomeController {

    private final QuestionnaireCatalog catalog;

    HomeController(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    // A ModelAndView like every other page: with @View the views filter rendered HEAD / without its model (a 500).
    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> start(HttpRequest<?> request) {
        Language language = LanguageFilter.of(request);
        return HttpResponse.ok(new ModelAndView<>("start",
                Map.of("sectionTitles", catalog.current().sections().stream().map(s -> s.title().in(language)).toList())));
    }
}
