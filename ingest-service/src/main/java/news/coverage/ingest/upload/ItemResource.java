package news.coverage.ingest.upload;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.coverage.ingest.format.Document;
import news.coverage.ingest.format.DocumentReader;
import news.coverage.ingest.format.ParsedItem;
import news.coverage.ingest.item.InvalidItemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/items")
@Tag(name = "items")
@RolesAllowed("ingest")
@SecurityRequirement(name = "jwt")
public class ItemResource {

    public static final String MARKDOWN = "text/markdown";

    private final DocumentReader reader;
    private final Ingestion ingestion;

    public ItemResource(DocumentReader reader, Ingestion ingestion) {
        this.reader = reader;
        this.ingestion = ingestion;
    }

    @POST
    @Consumes({ MARKDOWN, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one news item: SmartableAI Markdown, one JSON item, or a plain-text article "
            + "(with its URL, provider, date and topics as query parameters)")
    @APIResponse(responseCode = "202", description = "Validated, normalised and acknowledged by the broker")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the ingest role")
    @APIResponse(responseCode = "413", description = "The document is larger than ingest.limits.document-bytes")
    @APIResponse(responseCode = "422", description = "The item is invalid; problem+json lists every error with its field path")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge the item; retry after Retry-After seconds")
    public Uni<Response> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam MetadataParameters metadata) {
        List<ParsedItem> items = reader.read(new Document("item", contentType, body), metadata.toMetadata());
        if (items.size() != 1) {
            throw new InvalidItemException("", "one item per request: this document holds " + items.size()
                    + "; POST several to /uploads");
        }
        return ingestion.ingest(items.get(0), Instant.now()).map(result -> switch (result.status()) {
            case ACCEPTED -> Response.accepted(result).build();
            case REJECTED -> throw new InvalidItemException(result.errors());
            case UNACKNOWLEDGED -> throw new BrokerUnavailableException(List.of(result));
        });
    }
}
