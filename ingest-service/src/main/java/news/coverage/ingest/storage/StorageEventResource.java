package news.coverage.ingest.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import news.coverage.ingest.format.JsonReader;
import news.coverage.ingest.upload.ItemResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Storage notifications as CloudEvents over HTTP, the Knative way: binary mode (the notification is the body, the
 * attributes are {@code ce-*} headers) or structured mode ({@code application/cloudevents+json}, the notification
 * in {@code data}). Open to the event mesh without a token: it only reads objects of the configured buckets.
 */
@Path("/storage-events")
@Tag(name = "storage events")
@PermitAll
public class StorageEventResource {

    private final ObjectMapper json;
    private final JsonReader reader;
    private final StorageEventHandler handler;

    public StorageEventResource(ObjectMapper json, JsonReader reader, StorageEventHandler handler) {
        this.json = json;
        this.reader = reader;
        this.handler = handler;
    }

    /**
     * Any content type: Knative's KafkaSource posts MinIO's records in binary mode with whatever content type the
     * record carried, and MinIO's records carry none; the body is read as JSON whatever it is called.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest the objects named by an S3 event notification (CloudEvent, binary or structured)")
    @APIResponse(responseCode = "200", description = "One result per item of the new objects; rejected ones are also on articles.rejected")
    @APIResponse(responseCode = "422", description = "The body is not JSON or not an S3 event notification, a record is malformed, names a key that is not read (.. segments, a leading /), or an object that does not exist")
    @APIResponse(responseCode = "503", description = "An object could not be read or the broker did not acknowledge; deliver again")
    public Uni<List<ItemResult>> receive(byte[] body) {
        JsonNode event = reader.read(body, 0, body.length);
        JsonNode notification = event.has("specversion") && event.has("data") ? event.get("data") : event;
        if (!notification.path("Records").isArray()) {
            throw new InvalidNotificationException("/Records", "an S3 event notification lists its Records");
        }
        S3EventNotification parsed;
        try {
            parsed = json.convertValue(notification, S3EventNotification.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("/Records", "not an S3 event notification: " + e.getMessage());
        }
        return handler.handle(parsed);
    }
}
