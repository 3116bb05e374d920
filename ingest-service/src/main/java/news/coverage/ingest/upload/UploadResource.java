package news.coverage.ingest.upload;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
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
import news.coverage.ingest.format.ParsedItem;
import news.coverage.ingest.format.TextMetadata;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

@Path("/uploads")
@Tag(name = "uploads")
@RolesAllowed("ingest")
@SecurityRequirement(name = "jwt")
public class UploadResource {

    private final DocumentReader reader;
    private final Ingestion ingestion;
    private final Vertx vertx;

    public UploadResource(DocumentReader reader, Ingestion ingestion, Vertx vertx) {
        this.reader = reader;
        this.ingestion = ingestion;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest many files at once: Markdown, JSON, NDJSON, plain text, zip or tar.gz archives of them")
    @APIResponse(responseCode = "200", description = "One result per item: accepted, or rejected with its errors")
    @APIResponse(responseCode = "413", description = "Beyond a limit: items per batch, archive entries or expanded size, document size")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge some items; the results say which")
    public Uni<BatchResult> uploadFiles(@RestForm(FileUpload.ALL) List<FileUpload> files,
            @BeanParam MetadataParameters metadata) {
        TextMetadata text = metadata.toMetadata();
        return Multi.createFrom().iterable(files)
                .onItem().transformToUniAndConcatenate(file -> vertx.fileSystem().readFile(file.uploadedFile().toString())
                        .map(buffer -> reader.read(new Document(file.fileName(), file.contentType(), buffer.getBytes()), text)))
                .collect().in(java.util.ArrayList<ParsedItem>::new, List::addAll)
                .chain(this::ingestAll);
    }

    @POST
    @Consumes({ "application/x-ndjson", MediaType.APPLICATION_JSON, "application/zip", "application/gzip",
            "application/x-gzip", "application/x-tar+gzip" })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a batch in one body: NDJSON (one item per line), a SmartableAI API page "
            + "{\"page\": n, \"value\": [items]}, or a zip or tar.gz archive")
    @APIResponse(responseCode = "200", description = "One result per item: accepted, or rejected with its errors")
    @APIResponse(responseCode = "413", description = "Beyond a limit: items per batch, archive entries or expanded size, document size")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge some items; the results say which")
    public Uni<BatchResult> upload(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam MetadataParameters metadata) {
        return ingestAll(reader.read(new Document("upload", contentType, body), metadata.toMetadata()));
    }

    private Uni<BatchResult> ingestAll(List<ParsedItem> items) {
        return ingestion.ingest(items).map(result -> {
            if (result.unacknowledged() > 0) {
                throw new BrokerUnavailableException(result.results());
            }
            return result;
        });
    }
}
