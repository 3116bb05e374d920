package news.coverage.catalog.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The recommend-service API the pages read: related coverage, stories, and the draft query for word searches. */
@RegisterRestClient(configKey = "recommend")
@Produces(MediaType.APPLICATION_JSON)
public interface RecommendClient {

    @GET
    @Path("/related/{articleId}")
    Uni<RelatedCoverage> related(@PathParam("articleId") String articleId, @QueryParam("limit") int limit);

    /**
     * Articles whose title and excerpt share the words, as the related coverage of a draft with that title published
     * {@code at}: the nearer in time, the higher.
     */
    @GET
    @Path("/related")
    Uni<RelatedCoverage> search(@QueryParam("title") String words, @QueryParam("topics") String topic,
            @QueryParam("provider") String provider, @QueryParam("providers") String providers,
            @QueryParam("at") String at, @QueryParam("window") String window, @QueryParam("limit") int limit);

    @GET
    @Path("/stories")
    Uni<Story> storyOf(@QueryParam("articleId") String articleId, @QueryParam("limit") int limit);

    @GET
    @Path("/stories/{storyId}")
    Uni<Story> story(@PathParam("storyId") String storyId, @QueryParam("limit") int limit);

    @GET
    @Path("/stories/largest")
    Uni<List<Story>> largest(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") int limit, @QueryParam("articles") int articles);
}
