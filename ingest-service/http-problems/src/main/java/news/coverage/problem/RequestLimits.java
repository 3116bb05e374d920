package news.coverage.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The size limits of a request answered as problem+json naming the limit, before anything reads the request: a URL
 * longer than {@value #MAX_URL_LENGTH} characters (414), a body whose declared length passes
 * {@code quarkus.http.limits.max-body-size} (413), and a streamed body that passes it as it arrives (413).
 */
@ApplicationScoped
public class RequestLimits {

    /** Longer URLs are refused here; the HTTP layer reads request lines up to its own, larger limit. */
    public static final int MAX_URL_LENGTH = 8192;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        long maxBody = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().uri().length() > MAX_URL_LENGTH) {
                refuse(context, 414, "URI Too Long", "the URL has " + context.request().uri().length()
                        + " characters; at most " + MAX_URL_LENGTH + " are read", "url-length");
                return;
            }
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isLongerThan(declared, maxBody)) {
                refuse(context, 413, "Content Too Large", "the body has " + declared + " bytes; at most " + maxBody
                        + " are taken", "quarkus.http.limits.max-body-size");
                return;
            }
            context.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, 413, "Content Too Large", "the body passed " + maxBody + " bytes as it arrived",
                        "quarkus.http.limits.max-body-size");
            } else {
                context.next();
            }
        });
    }

    private static boolean isLongerThan(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context, int status, String title, String detail, String limit) {
        JsonObject problem = new JsonObject().put("type", "urn:news-coverage:problem:limit-exceeded")
                .put("title", title).put("status", status).put("detail", detail).put("limit", limit);
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
