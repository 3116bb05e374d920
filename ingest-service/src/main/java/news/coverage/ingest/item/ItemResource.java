package news.coverage.ingest.item;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.coverage.ingest.messaging.ArticlePublisher;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/items")
@Tag(name = "items")
public class ItemResource {

    public static final String MARKDOWN = "text/markdown";

    private final MarkdownItemReader markdown;
    private final ItemNormalizer normalizer;
    private final ArticlePublisher publisher;

    public ItemResource(MarkdownItemReader markdown, ItemNormalizer normalizer, ArticlePublisher publisher) {
        this.markdown = markdown;
        this.normalizer = normalizer;
        this.publisher = publisher;
    }

    @POST
    @Consumes(MARKDOWN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one news item in the SmartableAI Markdown + YAML front matter format")
    @APIResponse(responseCode = "202", description = "Validated, normalised and acknowledged by the broker")
    @APIResponse(responseCode = "422", description = "The item is invalid; problem+json lists every error")
    public Uni<Response> ingest(String document) {
        var item = normalizer.normalize(markdown.read(document));
        var accepted = new AcceptedItem(item.get(ItemNormalizer.ID).asText(),
                item.get(ItemNormalizer.CANONICAL_URL).asText());
        return publisher.publish(item).replaceWith(Response.accepted(accepted).build());
    }

    /** The answer for an item the broker has acknowledged. */
    public record AcceptedItem(String id, String canonicalUrl) {
    }
}
