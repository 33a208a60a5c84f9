package nl.groenlicht.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Serves {@link StaticAssets}. The URL's hash is the content's, so the answer may be cached for a year. A page from
 * before a deploy asks for an older hash: it gets today's file, which it must not keep ({@code no-cache}).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(StaticAssets.PREFIX)
class AssetController {

    private final StaticAssets assets;

    AssetController(StaticAssets assets) {
        this.assets = assets;
    }

    @Get("/{hash}/{name}")
    HttpResponse<byte[]> asset(String hash, String name) {
        return assets.find(name)
                .map(asset -> HttpResponse.ok(asset.bytes()).contentType(asset.type())
                        .header(HttpHeaders.CACHE_CONTROL, asset.hash().equals(hash) ? StaticAssets.IMMUTABLE : "no-cache"))
                .orElseGet(HttpResponse::notFound);
    }
}
