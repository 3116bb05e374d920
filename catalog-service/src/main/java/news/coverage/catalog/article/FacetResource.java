package news.coverage.catalog.article;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.coverage.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** Topic and provider counts of the catalog, for a time range. */
@Path("/")
@Tag(name = "articles")
@Produces(MediaType.APPLICATION_JSON)
public class FacetResource {

    private static final Set<String> FACET_PARAMETERS = Set.of("from", "to");

    private final Facets facets;

    public FacetResource(Facets facets) {
        this.facets = facets;
    }

    @GET
    @Path("topics")
    @Operation(summary = "Each topic with its article count, in a time range, most frequent first")
    public Uni<List<Facets.Count>> topics(@Context UriInfo uri, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        QueryParameters.requireOnly(uri.getQueryParameters(), FACET_PARAMETERS);
        return facets.topics(QueryParameters.instant("from", from), QueryParameters.instant("to", to));
    }

    @GET
    @Path("providers")
    @Operation(summary = "Each provider (domain) with its article count, in a time range, most frequent first")
    public Uni<List<Facets.Count>> providers(@Context UriInfo uri, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        QueryParameters.requireOnly(uri.getQueryParameters(), FACET_PARAMETERS);
        return facets.providers(QueryParameters.instant("from", from), QueryParameters.instant("to", to));
    }
}
