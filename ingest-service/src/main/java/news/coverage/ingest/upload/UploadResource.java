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
import news.coverage.ingest.format.Document;
import news.coverage.ingest.format.DocumentReader;
import news.coverage.ingest.format.MultipartReader;
import news.coverage.ingest.format.ParsedItem;
import news.coverage.ingest.format.TextMetadata;
import news.coverage.ingest.item.InvalidItemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Path("/uploads")
@Tag(name = "uploads")
@RolesAllowed("ingest")
@SecurityRequirement(name = "jwt")
public class UploadResource {

    private final DocumentReader reader;
    private final Ingestion ingestion;
    private final MultipartReader multipart;

    public UploadResource(DocumentReader reader, Ingestion ingestion, MultipartReader multipart) {
        this.reader = reader;
        this.ingestion = ingestion;
        this.multipart = multipart;
    }

    /** One method for every batch format, so that a refused content type is answered with all the accepted ones. */
    @POST
    @Consumes({ MediaType.MULTIPART_FORM_DATA, "application/x-ndjson", MediaType.APPLICATION_JSON, "application/zip",
            "application/gzip", "application/x-gzip", "application/x-tar+gzip", ItemResource.MARKDOWN,
            MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a batch: multipart/form-data with many files (each a part with a filename), NDJSON (one "
            + "item per line), a SmartableAI API page {\"page\": n, \"value\": [items]}, a zip or tar.gz archive, or one "
            + "Markdown or plain-text document (as /items takes it, answered as a batch of one)")
    @APIResponse(responseCode = "200", description = "One result per item: accepted, or rejected with its errors")
    @APIResponse(responseCode = "400", description = "A multipart body without boundary or file part, cut short or malformed")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the ingest role")
    @APIResponse(responseCode = "413", description = "Beyond a limit: items per batch (also multipart parts), archive entries or expanded size, document size")
    @APIResponse(responseCode = "422", description = "The upload holds no items")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge some items; the results say which")
    public Uni<BatchResult> upload(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam MetadataParameters metadata) {
        TextMetadata text = metadata.toMetadata();
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA)) {
            return ingestAll(reader.read(new Document("upload", contentType, body), text));
        }
        List<ParsedItem> items = new ArrayList<>();
        for (Document file : multipart.files(contentType, body)) {
            items.addAll(reader.read(file, text));
        }
        return ingestAll(items);
    }

    private Uni<BatchResult> ingestAll(List<ParsedItem> items) {
        if (items.isEmpty()) {
            throw new InvalidItemException("", "the upload holds no items");
        }
        return ingestion.ingest(items, Instant.now()).map(result -> {
            if (result.unacknowledged() > 0) {
                throw new BrokerUnavailableException(result.results());
            }
            return result;
        });
    }
}
