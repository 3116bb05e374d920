package news.coverage.ingest.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Storage notifications as Kafka records (MinIO's bucket notifications to Kafka, scaled by KEDA). A notification
 * that cannot be read, or that keeps failing after retries, goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class StorageEventConsumer {

    private final ObjectMapper json;
    private final StorageEventHandler handler;

    public StorageEventConsumer(ObjectMapper json, StorageEventHandler handler) {
        this.json = json;
        this.handler = handler;
    }

    @Incoming("storage-events")
    public Uni<Void> consume(String value) {
        S3EventNotification notification;
        try {
            notification = json.readValue(value, S3EventNotification.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not an S3 event notification: " + e.getMessage(), e));
        }
        // a notification that can never be acted on goes to the dead-letter topic at once, with its reason
        return handler.handle(notification)
                .onFailure(failure -> !(failure instanceof InvalidNotificationException))
                .retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(20)).atMost(5)
                .replaceWithVoid();
    }
}
