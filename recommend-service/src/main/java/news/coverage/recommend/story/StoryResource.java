package news.coverage.recommend.story;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.coverage.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/stories")
@Tag(name = "stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final Stories stories;

    public StoryResource(Stories stories) {
        this.stories = stories;
    }

    @GET
    @Path("/largest")
    @Operation(summary = "The largest stories of a period (at least two reports), each with its outlets, time span and first reports")
    @APIResponse(responseCode = "200", description = "The stories, largest first, possibly none")
    @APIResponse(responseCode = "400", description = "A parameter is malformed or out of range")
    public Uni<List<Story>> largest(@Context UriInfo uri,
            @Parameter(description = "Reports published at or after, ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "Reports published before, ISO-8601") @QueryParam("to") String to,
            @Parameter(description = "How many stories at most (1 to 100, default 20)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "How many reports of each at most, highest quality first (1 to 50, default 5)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) @QueryParam("articles") String articles) {
        QueryParameters.requireOnly(uri.getQueryParameters(), Set.of("from", "to", "limit", "articles"));
        return stories.largest(QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                QueryParameters.wholeNumber("limit", limit, 20, 1, 100),
                QueryParameters.wholeNumber("articles", articles, 5, 1, 50));
    }

    @GET
    @Path("/{storyId}")
    @Operation(summary = "A story: the reports of one event, highest quality first")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "400", description = "limit is out of range")
    @APIResponse(responseCode = "404", description = "No story has this id")
    public Uni<Story> story(@Context UriInfo uri, @PathParam("storyId") String storyId,
            @Parameter(description = "How many of its articles at most (1 to 500, default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("limit") String limit) {
        QueryParameters.requireOnly(uri.getQueryParameters(), Set.of("limit"));
        return stories.byId(storyId, limit(limit));
    }

    @GET
    @Operation(summary = "The story an article belongs to")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "400", description = "No article id, or limit is out of range")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<Story> storyOf(@Context UriInfo uri,
            @Parameter(description = "An article of the story", required = true) @QueryParam("articleId") @NotBlank String articleId,
            @Parameter(description = "How many of its articles at most (1 to 500, default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("limit") String limit) {
        QueryParameters.requireOnly(uri.getQueryParameters(), Set.of("articleId", "limit"));
        return stories.ofArticle(articleId, limit(limit));
    }

    private static int limit(String limit) {
        return QueryParameters.wholeNumber("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }
}
