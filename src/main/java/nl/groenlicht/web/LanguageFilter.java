package nl.groenlicht.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import nl.groenlicht.scan.Language;

import java.time.Duration;
import java.util.Optional;

/** Picks the page language: {@code ?lang=en|nl} (remembered in a cookie), else the cookie, else Dutch. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LanguageFilter {

    static final String ATTRIBUTE = "groenlicht.language";
    private static final String COOKIE = "gl_lang";

    public static Language of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Language.class).orElse(Language.DEFAULT);
    }

    @RequestFilter
    public void pickLanguage(HttpRequest<?> request) {
        Language language = fromQuery(request)
                .or(() -> request.getCookies().findCookie(COOKIE).flatMap(c -> Language.parse(c.getValue())))
                .orElse(Language.DEFAULT);
        request.setAttribute(ATTRIBUTE, language);
    }

    @ResponseFilter
    public void rememberLanguage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        fromQuery(request).ifPresent(language -> response.cookie(Cookie.of(COOKIE, language.code())
                .path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(Duration.ofDays(365))));
    }

    private static Optional<Language> fromQuery(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang").flatMap(Language::parse);
    }
}
