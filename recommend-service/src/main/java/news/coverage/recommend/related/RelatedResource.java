package news.coverage.recommend.related;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.format.DateTimeParseException;

@Path("/related")
@Tag(name = "related coverage")
public class RelatedResource {

    private static final int MAX_LIMIT = 100;

    private final RelatedCoverageService service;

    public RelatedResource(RelatedCoverageService service) {
        this.service = service;
    }

    @GET
    @Path("/{articleId}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "Other outlets' coverage related to an article, best first, with scores and reasons")
    @APIResponse(responseCode = "200", description = "The related coverage, possibly empty")
    @APIResponse(responseCode = "400", description = "A query parameter is out of range")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<RelatedCoverage> related(@PathParam("articleId") String articleId,
            @Parameter(description = "How many items at most (1 to 100)") @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "ISO-8601 duration either side of the article's publication") @QueryParam("window") @DefaultValue("P7D") String window) {
        return service.relatedTo(articleId, limit, parseWindow(window));
    }

    private static Duration parseWindow(String window) {
        try {
            Duration duration = Duration.parse(window);
            if (duration.isNegative() || duration.isZero()) {
                throw new BadRequestException("window must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("window must be an ISO-8601 duration such as P7D, not '" + window + "'");
        }
    }
}
