package nl.groenlicht.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of pages: its routes answer any Accept header, and {@link HtmlViewsFilter} renders their views
 * as text/html. Without it a route produces JSON, so a request accepting only {@code text/html} or
 * {@code application/xhtml+xml} (as monitoring tools and crawlers send) found no route and got a 406.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Produces({MediaType.TEXT_HTML, MediaType.ALL})
public @interface HtmlPages {
}
