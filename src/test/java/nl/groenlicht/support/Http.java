package nl.groenlicht.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small HTTP client for tests, with its own cookie jar like a browser's; redirects are not followed. */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Http(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> put(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** Any method, with a body and only the headers given: no Content-Type unless among them. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form; each entry's values become repeated fields. */
    public HttpResponse<String> postForm(String path, Map<String, List<String>> fields) {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body);
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Puts a cookie into this client's jar, instead of its own of that name, for the whole site, as another site or a network attacker might. */
    public void plantCookie(String name, String value) {
        List.copyOf(cookies.getCookieStore().getCookies()).stream().filter(c -> c.getName().equals(name))
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Logs in through the login page. */
    public HttpResponse<String> login(String email, String password) {
        String csrf = csrfOf(get("/login").body());
        return postForm("/login", Map.of("_csrf", List.of(csrf), "email", List.of(email), "password", List.of(password)));
    }

    /** Changes the logged-in staff member's own password through the change page. */
    public HttpResponse<String> changePassword(String current, String password, String repeated) {
        String csrf = csrfOf(get("/account/password").body());
        return postForm("/account/password", Map.of("_csrf", List.of(csrf), "currentPassword", List.of(current),
                "password", List.of(password), "repeatPassword", List.of(repeated)));
    }

    public static String basic(String email, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((email + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** An Accept header as header arguments; "" gives none at all. */
    public static String[] accept(String accept) {
        return accept.isEmpty() ? new String[0] : new String[] {"Accept", accept};
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("page has no CSRF field");
        }
        return m.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect"));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
