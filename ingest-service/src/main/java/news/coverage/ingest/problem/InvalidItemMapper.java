package news.coverage.ingest.problem;

import jakarta.ws.rs.core.Response;
import news.coverage.ingest.item.InvalidItemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class InvalidItemMapper {

    @ServerExceptionMapper
    public Response invalidItem(InvalidItemException e) {
        var problem = new Problem("urn:news-coverage:problem:invalid-item", "The item is invalid", 422,
                e.getMessage(), e.errors());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
