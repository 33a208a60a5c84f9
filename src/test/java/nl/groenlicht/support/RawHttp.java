package nl.groenlicht.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 request byte for byte over a socket, for what java.net.http refuses to send: a malformed URI
 * (a raw space, {@code %}, {@code |}), a HEAD, odd headers. The connection is closed after the answer.
 */
public final class RawHttp {

    private final URI base;

    public RawHttp(URI base) {
        this.base = base;
    }

    /** The status code and the whole answer as text (headers and body). */
    public record Answer(int status, String text) {
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    public Answer get(String rawTarget, String... headers) {
        return send("GET", rawTarget, null, headers);
    }

    /** {@code body} may be null (no body, no Content-Length); headers come as name, value, name, value… */
    public Answer send(String method, String rawTarget, String body, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bodyBytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                throw new AssertionError("no HTTP answer to " + method + " " + rawTarget + ": " + text);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + rawTarget, e);
        }
    }
}
