package nl.groenlicht.web;

import io.micronaut.http.HttpRequest;

/** The address a request came from, for the audit log and login throttling. */
public final class RemoteAddress {

    private RemoteAddress() {
    }

    public static String of(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
