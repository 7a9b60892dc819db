package fr.vigie.collector.http;

import fr.vigie.collector.ingest.ApiException;
import fr.vigie.collector.ingest.EnrollmentService;
import fr.vigie.collector.ingest.NonceStore;
import fr.vigie.collector.ingest.ReportIngest;
import fr.vigie.collector.tls.TlsMaterial;
import fr.vigie.wire.Api;
import fr.vigie.wire.ApiError;
import fr.vigie.wire.WireJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's HTTPS API (Javalin 7 on Jetty 12), HTTPS only (no plain HTTP connector), versioned under
 * {@code /api/v1}:
 *
 * <ul>
 *   <li>{@code GET /api/v1/enroll/nonce} → {@code {"nonce":"...","expiresInSeconds":300}}
 *   <li>{@code POST /api/v1/enroll} (enrollment envelope) → 201 {@code {"agentId","status","establishment"}}
 *   <li>{@code POST /api/v1/reports} (report envelope) → 201 {@code {"status":"stored","reportId"}}, or 200
 *       {@code {"status":"duplicate","reportId"}} for a replay; sent only after the commit
 *   <li>{@code POST /api/v1/checkin} (check-in envelope) → 200 {@code {"status":"recorded"|"ignored"}}
 *   <li>{@code GET /api/v1/ruleset} → the built-in catalogue ({@link RulesetDocument})
 * </ul>
 *
 * Every refusal is {@code {"error":"<code>","message":"..."}} with a specific 4xx status. Bodies are read with a
 * bound enforced while reading (a declared length over the limit is refused before reading anything). Thread-safe.
 */
public final class CollectorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);
    private static final int MAX_ENROLL_BYTES = 64 * 1024;
    private static final String JSON = "application/json";

    private final Javalin app;

    /**
     * Server settings. Immutable.
     *
     * @param host bind address
     * @param port port, 0 for any
     * @param tls key store and password
     * @param maxReportBytes body limit for report uploads
     */
    public record Settings(String host, int port, TlsMaterial tls, int maxReportBytes) {}

    private CollectorServer(Javalin app) {
        this.app = app;
    }

    /** Starts the server; returns once it listens. */
    public static CollectorServer start(Settings s, EnrollmentService enrollment, ReportIngest ingest,
            RulesetDocument ruleset) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = s.maxReportBytes();
            // requests are short: do not let a stalled client delay shutdown (acknowledged reports are committed)
            cfg.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            cfg.jetty.addConnector((server, httpConfig) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(s.tls().keyStore());
                ssl.setKeyStorePassword(new String(s.tls().password()));
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                SecureRequestCustomizer src = new SecureRequestCustomizer();
                src.setSniHostCheck(false);
                https.addCustomizer(src);
                https.setSendServerVersion(false);
                ServerConnector c = new ServerConnector(server,
                        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
                c.setHost(s.host());
                c.setPort(s.port());
                return c;
            });
            cfg.routes.get(Api.ENROLL_NONCE, ctx -> json(ctx, 200, Map.of("nonce", enrollment.nonce(),
                    "expiresInSeconds", NonceStore.TTL.toSeconds())));
            cfg.routes.post(Api.ENROLL, ctx -> json(ctx, 201, enrollment.enroll(readBounded(ctx, MAX_ENROLL_BYTES))));
            cfg.routes.post(Api.REPORTS, ctx -> {
                ReportIngest.Ack ack = ingest.ingestReport(readBounded(ctx, s.maxReportBytes()));
                boolean stored = ack.outcome() == ReportIngest.Outcome.STORED;
                json(ctx, stored ? 201 : 200, Map.of("status", stored ? "stored" : "duplicate",
                        "reportId", ack.reportId().toString()));
            });
            cfg.routes.post(Api.CHECKIN, ctx -> json(ctx, 200, Map.of("status",
                    ingest.ingestCheckIn(readBounded(ctx, MAX_ENROLL_BYTES)) ? "recorded" : "ignored")));
            cfg.routes.get(Api.RULESET, ctx -> {
                ctx.header("ETag", "\"" + ruleset.version() + "\"");
                ctx.status(200).contentType(JSON).result(ruleset.json());
            });
            cfg.routes.get(Api.BASE + "/health", ctx -> json(ctx, 200, Map.of("status", "ok")));
            cfg.routes.exception(ApiException.class, (e, ctx) -> {
                LOG.warn("refused {} {} from {}: {} ({})", ctx.method(), ctx.path(), ctx.ip(), e.code(), e.getMessage());
                json(ctx, e.status(), new ApiError(e.code(), e.getMessage()));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                json(ctx, 500, new ApiError("internal_error", "internal error; nothing was stored"));
            });
            cfg.routes.error(404, ctx -> json(ctx, 404, new ApiError("not_found", "no such endpoint")));
            cfg.routes.error(405, ctx -> json(ctx, 405, new ApiError("method_not_allowed", "method not allowed")));
        });
        app.start();
        LOG.info("Vigie collector API listening on https://{}:{}{}", s.host(), app.port(), Api.BASE);
        return new CollectorServer(app);
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * Reads the request body, refusing it as soon as it exceeds {@code limit}: a declared Content-Length over the
     * limit is refused before reading; a chunked body is cut after {@code limit + 1} bytes.
     */
    static byte[] readBounded(Context ctx, int limit) throws ApiException, IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new ApiException(413, "body_too_large", "body of " + declared + " bytes exceeds the limit of "
                    + limit + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ApiException(413, "body_too_large", "body exceeds the limit of " + limit + " bytes");
            }
            return body;
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(WireJson.write(body));
    }
}
