package news.coverage.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Set;

/**
 * Requests that match no endpoint, as problem+json that says what would have matched: the methods of the path
 * ({@code Allow}), the media types an endpoint takes or answers with, or that no endpoint has the path.
 */
public class RequestProblems {

    /** The messages of the 404s that Quarkus REST raises itself, for a path that no resource has. */
    private static final Set<String> ROUTING_NOT_FOUND = Set.of("HTTP 404 Not Found",
            "Unable to find matching target resource method");

    private final DeployedEndpoints endpoints;

    public RequestProblems(DeployedEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @ServerExceptionMapper(priority = SecurityProblems.PRECEDENCE)
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        String detail = e.getMessage();
        if (detail == null || ROUTING_NOT_FOUND.contains(detail)) {
            detail = "no endpoint has the path " + request.path() + " (the endpoints are listed at /q/openapi)";
        }
        return problem(404, "Not Found", detail);
    }

    @ServerExceptionMapper(priority = SecurityProblems.PRECEDENCE)
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        Set<String> allowed = endpoints.get().methods(request.path());
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:method-not-allowed"))
                .withTitle("Method Not Allowed")
                .withStatus(405)
                .withDetail(request.method() + " is not allowed on " + request.path() + "; allowed: "
                        + String.join(", ", allowed))
                .withHeader(HttpHeaders.ALLOW, String.join(", ", allowed))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper(priority = SecurityProblems.PRECEDENCE)
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        String given = request.getHeader(HttpHeaders.CONTENT_TYPE);
        Set<String> accepted = endpoints.get().consumes(request.method().name(), request.path());
        return problem(415, "Unsupported Media Type", (given == null ? "a body without Content-Type"
                : "Content-Type " + given) + " is not taken by " + request.method() + " " + request.path()
                + "; it takes " + String.join(", ", accepted));
    }

    @ServerExceptionMapper(priority = SecurityProblems.PRECEDENCE)
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        Set<String> produced = endpoints.get().produces(request.method().name(), request.path());
        return problem(406, "Not Acceptable", request.method() + " " + request.path() + " answers only "
                + String.join(", ", produced) + ", not Accept: " + request.getHeader(HttpHeaders.ACCEPT));
    }

    private static Response problem(int status, String title, String detail) {
        return HttpProblem.builder().withTitle(title).withStatus(status).withDetail(detail).build().toResponse();
    }
}
