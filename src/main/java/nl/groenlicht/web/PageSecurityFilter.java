package nl.groenlicht.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;

import java.util.Collection;

/**
 * micronaut-security's filter, unchanged, on every path but {@link StaticAssets}: the assets are public files, and
 * fetching the authentication and checking the rules for each of them was a good part of their cost.
 */
@Replaces(SecurityFilter.class)
@Filter(value = StaticAssets.OUTSIDE_ASSETS, patternStyle = FilterPatternStyle.REGEX)
public class PageSecurityFilter extends SecurityFilter {

    public PageSecurityFilter(Collection<SecurityRule<HttpRequest<?>>> securityRules,
                              Collection<AuthenticationFetcher<HttpRequest<?>>> authenticationFetchers,
                              SecurityConfiguration securityConfiguration) {
        super(securityRules, authenticationFetchers, securityConfiguration);
    }
}
