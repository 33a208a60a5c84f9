package nl.groenlicht.response.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.groenlicht.account.AccountService;
import nl.groenlicht.response.Scan;
import nl.groenlicht.response.ScanMode;
import nl.groenlicht.response.ScanService;
import nl.groenlicht.response.ScanToken;
import nl.groenlicht.web.PublicBaseUrl;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may open a scan: pages by the HttpOnly cookie that the resume link sets (scoped to the scan's pages), or, for a
 * scan a coach made or invited an employer to, the logged-in coach it belongs to and administrators; the API by the
 * {@code X-Scan-Token} header. Anything else is a 404 that does not tell whether the scan exists.
 * <p>
 * The token of a site-visit scan was handed to the coach's logged-in browser, so it counts only as long as the coach's
 * sessions would: once an administrator disables the coach or sets their password, it opens nothing, and the coach
 * (or an administrator) opens the scan through the login.
 */
@Singleton
public class ScanAccess {

    private static final String COOKIE_PREFIX = "gl_scan_";

    private final ScanService scans;
    private final PublicBaseUrl publicBaseUrl;
    private final AccountService accounts;

    ScanAccess(ScanService scans, PublicBaseUrl publicBaseUrl, AccountService accounts) {
        this.scans = scans;
        this.publicBaseUrl = publicBaseUrl;
        this.accounts = accounts;
    }

    /**
     * The private link that opens this scan in another browser, from the token this browser holds; null when the
     * browser holds none (a coach opening their scan through their login).
     */
    public String resumeLink(Scan scan, HttpRequest<?> request) {
        String token = token(scan.id(), request);
        return token == null ? null : publicBaseUrl.of(request) + "/resume/" + token;
    }

    /**
     * The scan whose pages this browser may open and change; 404 otherwise. Through a login only the coach's own
     * site-visit scans: the employer's self-assessment stays the employer's words.
     */
    public Scan forChanging(String id, HttpRequest<?> request) {
        return byCookieOrStaff(id, request, scan -> scan.scanMode() == ScanMode.COACH);
    }

    /** The scan whose results this browser may read: also the self-assessments a coach invited the employer to. */
    public Scan forReading(String id, HttpRequest<?> request) {
        return byCookieOrStaff(id, request, scan -> true);
    }

    /** Whether the reader of a scan (from {@link #forReading}) may also change it. */
    public boolean mayChange(Scan scan, HttpRequest<?> request) {
        return scan.scanMode() == ScanMode.COACH || ScanToken.opens(token(scan.id(), request), scan.tokenHash());
    }

    /**
     * Whether this browser may delete the scan: only a self-assessment, and only by the holder of its private link
     * (a coach may read an invited self-assessment, but the employer's words are the employer's to erase).
     */
    public static boolean mayDelete(Scan scan, HttpRequest<?> request) {
        return scan.scanMode() == ScanMode.SELF && ScanToken.opens(token(scan.id(), request), scan.tokenHash());
    }

    /** The cookie that makes the browser forget the scan's token. */
    public static Cookie expiredCookie(long scanId) {
        return cookie(scanId, "").maxAge(Duration.ZERO);
    }

    private Scan byCookieOrStaff(String id, HttpRequest<?> request, Predicate<Scan> staffMay) {
        Optional<Long> scanId = parseId(id);
        return scanId.flatMap(sid -> byToken(sid, token(sid, request)))
                .or(() -> scanId.flatMap(scans::byId).filter(staffMay).filter(scan -> isStaffOf(scan, request)))
                .orElseThrow(ScanAccess::notFound);
    }

    private static boolean isStaffOf(Scan scan, HttpRequest<?> request) {
        return scan.coachId() != null && request.getUserPrincipal(Authentication.class)
                .map(staff -> staff.getRoles().contains("ADMIN")
                        || scan.coachId().equals(toLong(staff.getAttributes().get("accountId"))))
                .orElse(false);
    }

    private static Long toLong(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    public Optional<Scan> byToken(String id, String token) {
        return parseId(id).flatMap(scanId -> byToken(scanId, token));
    }

    private Optional<Scan> byToken(long id, String token) {
        return scans.find(id, token).filter(this::tokenStillCounts);
    }

    private boolean tokenStillCounts(Scan visit) {
        return visit.scanMode() != ScanMode.COACH || visit.coachId() == null
                || accounts.stillTrusts(visit.coachId(), visit.createdAt());
    }

    /** The token in this browser's cookie for the scan, or null. */
    public static String token(long scanId, HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE_PREFIX + scanId).map(Cookie::getValue).orElse(null);
    }

    /** The scan whose token a cookie of this name holds, if it is one of the scan cookies. */
    public static Optional<Long> scanIdOf(String cookieName) {
        return cookieName.startsWith(COOKIE_PREFIX) ? parseId(cookieName.substring(COOKIE_PREFIX.length()))
                : Optional.empty();
    }

    public static Cookie cookie(long scanId, String token) {
        return Cookie.of(COOKIE_PREFIX + scanId, token).path("/scans/" + scanId).httpOnly(true)
                .sameSite(SameSite.Lax).maxAge(Duration.ofDays(180));
    }

    public static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
    }

    private static Optional<Long> parseId(String id) {
        try {
            long value = Long.parseLong(id);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
