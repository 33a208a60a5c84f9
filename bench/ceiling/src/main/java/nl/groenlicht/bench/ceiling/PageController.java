package nl.groenlicht.bench.ceiling;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves every {@code .html} file of the folder in {@code ceiling.pages} at {@code /<name>}, read once at start-up:
 * no template, no database, no session, so what remains is the server's own cost per request.
 */
@Controller
class PageController {

    private final Map<String, byte[]> pages = new HashMap<>();

    PageController(@Value("${ceiling.pages}") Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                pages.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the pages in " + folder + " cannot be read", e);
        }
    }

    @Get(uri = "/{name}", produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> page(String name) {
        byte[] page = pages.get(name);
        return page == null ? HttpResponse.notFound() : HttpResponse.ok(page);
    }
}
