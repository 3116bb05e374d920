package news.coverage.ingest.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Messages with CloudEvents attributes whose subject is also the record key (type and source come from config), and
 * whose {@code time} (the {@code ce_time} header) is when the item was received.
 */
final class KeyedEvents {

    private KeyedEvents() {
    }

    /** The partitionkey extension becomes the Kafka record key: all records of one subject stay in order. */
    static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingCloudEventMetadata.builder()
                .withSubject(key).withExtension("partitionkey", key).build());
    }

    /**
     * As {@link #keyed(Object, String)}, with the time the occurrence happened: consumers order the versions of a
     * subject by it, whatever order the records come in.
     */
    static <T> Message<T> keyed(T payload, String key, Instant time) {
        return Message.of(payload).addMetadata(OutgoingCloudEventMetadata.builder()
                .withSubject(key).withExtension("partitionkey", key).withTimestamp(time.atZone(ZoneOffset.UTC))
                .build());
    }
}
