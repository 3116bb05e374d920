package news.coverage.recommend.story;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

@Path("/stories")
@Tag(name = "stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    private static final int MAX_LIMIT = 500;

    private final Stories stories;

    public StoryResource(Stories stories) {
        this.stories = stories;
    }

    @GET
    @Path("/{storyId}")
    @Operation(summary = "A story: the reports of one event, highest quality first")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "400", description = "limit is out of range")
    @APIResponse(responseCode = "404", description = "No story has this id")
    public Uni<Story> story(@PathParam("storyId") String storyId,
            @Parameter(description = "How many of its articles at most (1 to 500)") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return stories.byId(storyId, limit);
    }

    @GET
    @Operation(summary = "The story an article belongs to")
    @APIResponse(responseCode = "200", description = "The story")
    @APIResponse(responseCode = "400", description = "No article id, or limit is out of range")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<Story> storyOf(
            @Parameter(description = "An article of the story", required = true) @QueryParam("articleId") @NotBlank String articleId,
            @Parameter(description = "How many of its articles at most (1 to 500)") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return stories.ofArticle(articleId, limit);
    }
}
