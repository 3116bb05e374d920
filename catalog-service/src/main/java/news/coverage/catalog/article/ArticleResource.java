package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.coverage.catalog.messaging.CatalogedPublisher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/articles")
@Tag(name = "articles")
public class ArticleResource {

    static final String MARKDOWN = "text/markdown";

    private final ArticleRepository repository;
    private final ObjectMapper json;
    private final MarkdownWriter markdown;
    private final CatalogedPublisher publisher;

    public ArticleResource(ArticleRepository repository, ObjectMapper json, MarkdownWriter markdown,
            CatalogedPublisher publisher) {
        this.repository = repository;
        this.json = json;
        this.markdown = markdown;
        this.publisher = publisher;
    }

    @GET
    @Path("/{id}")
    @Produces(MARKDOWN)
    @Operation(summary = "One article in the SmartableAI Markdown + YAML front matter format, as it was uploaded")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<String> getMarkdown(@PathParam("id") String id) {
        return find(id).map(document -> markdown.write(item(document)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("catalog-admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an article; a tombstone on articles.cataloged tells every consumer")
    @APIResponse(responseCode = "204", description = "Deleted, and the tombstone acknowledged by the broker")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the catalog-admin role")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<Response> delete(@PathParam("id") String id) {
        return repository.deleteById(id).chain(deleted -> {
            if (!deleted) {
                return Uni.createFrom().failure(new NotFoundException("no article has the id " + id));
            }
            return publisher.tombstone(id).replaceWith(Response.noContent().build());
        });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One article: every field of the item as ingested, with its version and change times")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return find(id).map(this::toJson);
    }

    private Uni<ArticleDocument> find(String id) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no article has the id " + id));
    }

    private ObjectNode item(ArticleDocument document) {
        try {
            return (ObjectNode) json.readTree(document.item.toJson());
        } catch (Exception e) {
            throw new IllegalStateException("a stored item is not JSON: " + document.id, e);
        }
    }

    private ObjectNode toJson(ArticleDocument document) {
        ObjectNode article = item(document);
        article.put("version", document.version);
        article.put("firstSeenAt", document.firstSeenAt.toString());
        article.put("updatedAt", document.updatedAt.toString());
        return article;
    }
}
