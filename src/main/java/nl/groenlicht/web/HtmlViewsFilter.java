package nl.groenlicht.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;

import java.util.Map;

/**
 * Renders every view as text/html. The portal has one renderer, for HTML, but the stock filter takes the media type
 * from the route's {@code @Produces} as far as the Accept header lists it: with {@link HtmlPages} routes that can be
 * "any type", which no renderer produces. A server may disregard Accept (RFC 9110, 12.5.1): pages always answer HTML.
 * Not on {@link StaticAssets}, which are no views.
 */
@Replaces(ViewsFilter.class)
@Filter(value = StaticAssets.OUTSIDE_ASSETS, patternStyle = FilterPatternStyle.REGEX)
public class HtmlViewsFilter extends ViewsFilter {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, Map.of(MediaType.CHARSET_PARAMETER, "UTF-8"));

    public HtmlViewsFilter(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator,
                           ViewsModelDecorator viewsModelDecorator, TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboFrameRenderer);
    }

    @Override
    protected MediaType resolveMediaType(@Nullable HttpRequest<?> request, HttpResponse<?> response,
                                         @Nullable Object responseBody) {
        return HTML;
    }
}
