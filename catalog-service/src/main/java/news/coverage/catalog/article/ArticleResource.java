package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/articles")
@Tag(name = "articles")
public class ArticleResource {

    private final ArticleRepository repository;
    private final ObjectMapper json;

    public ArticleResource(ArticleRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One article: every field of the item as ingested, with its version and change times")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no article has the id " + id))
                .map(this::toJson);
    }

    private ObjectNode toJson(ArticleDocument document) {
        ObjectNode article = json.createObjectNode();
        try {
            article.setAll((ObjectNode) json.readTree(document.item.toJson()));
        } catch (Exception e) {
            throw new IllegalStateException("a stored item is not JSON: " + document.id, e);
        }
        article.put("version", document.version);
        article.put("firstSeenAt", document.firstSeenAt.toString());
        article.put("updatedAt", document.updatedAt.toString());
        return article;
    }
}
