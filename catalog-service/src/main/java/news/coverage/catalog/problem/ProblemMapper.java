package news.coverage.catalog.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every HTTP error of the API as problem+json. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(WebApplicationException e) {
        var status = e.getResponse().getStatusInfo();
        var problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
