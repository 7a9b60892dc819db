package fr.vigie.agent.delivery;

import fr.vigie.wire.Api;
import fr.vigie.wire.PinnedTls;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTPS client of the collector API over {@link java.net.http.HttpClient}, trusting only the collector key pinned in
 * the enrollment token (no JVM-wide trust change). Thread-safe.
 */
public final class CollectorClient {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * A collector response.
     *
     * @param status HTTP status
     * @param body body text
     * @param retryAfter the Retry-After delay, when given (seconds or HTTP date)
     */
    public record Response(int status, String body, Optional<Duration> retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code error} code of a refusal, or "http_<status>" when the body is not an API error. */
        public String errorCode() {
            try {
                return WireJson.mapper().readTree(body).path("error").asText("http_" + status);
            } catch (IOException | RuntimeException e) {
                return "http_" + status;
            }
        }
    }

    public CollectorClient(URI base, String pinSha256, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().sslContext(PinnedTls.context(pinSha256))
                .connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
    }

    public Response post(String path, byte[] envelopeJson) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", Api.ENVELOPE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelopeJson)).build());
    }

    private Response send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").flatMap(CollectorClient::retryAfter));
    }

    static Optional<Duration> retryAfter(String v) {
        String s = v.strip();
        if (s.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
        }
        try {
            Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
