package news.coverage.ingest.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import news.coverage.ingest.item.InvalidItemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** A rejected item as RFC 9457 problem+json, with the field path and message of every error. */
public class InvalidItemMapper {

    static final URI INVALID_ITEM = URI.create("urn:news-coverage:problem:invalid-item");

    @ServerExceptionMapper
    public Response invalidItem(InvalidItemException e) {
        return HttpProblem.builder()
                .withType(INVALID_ITEM)
                .withTitle("The item is invalid")
                .withStatus(422)
                .withDetail(e.getMessage())
                .with("errors", e.errors())
                .build()
                .toResponse();
    }
}
