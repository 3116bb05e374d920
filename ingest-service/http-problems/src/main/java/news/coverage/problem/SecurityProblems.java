package news.coverage.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Refused credentials as problem+json: 401 with {@code WWW-Authenticate} (RFC 6750) for a missing or refused token,
 * 403 naming the role a token lacks. These take precedence over quarkus-resteasy-problem's own security mappers,
 * which fail on this Quarkus version's security API (a 500 for every bad token).
 */
public class SecurityProblems {

    /** Before quarkus-resteasy-problem's mappers, which it registers at priority 999. */
    static final int PRECEDENCE = 900;

    @ServerExceptionMapper(priority = PRECEDENCE)
    public Response refused(AuthenticationFailedException e) {
        String reason = TokenRefusal.reason(e);
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:token-refused"))
                .withTitle("Unauthorized")
                .withStatus(401)
                .withDetail(reason)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"")
                .build()
                .toResponse();
    }

    @ServerExceptionMapper(priority = PRECEDENCE)
    public Response unauthorized(UnauthorizedException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:token-required"))
                .withTitle("Unauthorized")
                .withStatus(401)
                .withDetail("a bearer token is required (Authorization: Bearer <JWT>)")
                .withHeader("WWW-Authenticate", "Bearer")
                .build()
                .toResponse();
    }

    @ServerExceptionMapper(priority = PRECEDENCE)
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        String detail = requiredRoles(resource)
                .map(roles -> "the bearer token lacks the role " + String.join(" or ", roles) + " that this needs")
                .orElse("the bearer token lacks a role that this needs");
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:role-missing"))
                .withTitle("Forbidden")
                .withStatus(403)
                .withDetail(detail)
                .build()
                .toResponse();
    }

    /** The roles of the endpoint's {@code @RolesAllowed}; none where its method cannot be looked up reflectively. */
    private static Optional<java.util.List<String>> requiredRoles(ResourceInfo resource) {
        Method method;
        try {
            method = resource == null ? null : resource.getResourceMethod();
        } catch (RuntimeException e) {
            // a native image registers no resource method for reflection unless asked: answer without the role
            return Optional.empty();
        }
        if (method == null) {
            return Optional.empty();
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return Optional.ofNullable(roles).map(allowed -> Arrays.asList(allowed.value()));
    }
}
