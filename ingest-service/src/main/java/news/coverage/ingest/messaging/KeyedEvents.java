package news.coverage.ingest.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Messages with CloudEvents attributes whose subject is also the record key (type and source come from config). */
final class KeyedEvents {

    private KeyedEvents() {
    }

    /** The partitionkey extension becomes the Kafka record key: all records of one subject stay in order. */
    static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingCloudEventMetadata.builder()
                .withSubject(key).withExtension("partitionkey", key).build());
    }
}
