package news.coverage.recommend.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a record the read model cannot take to {@code articles.cataloged.dlq}, as received, with the reason and its
 * origin in the headers SmallRye's own dead-letter queue uses.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("articles-cataloged-dlq")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        Map.of("dead-letter-reason", reason, "dead-letter-topic", record.topic(),
                        "dead-letter-partition", Integer.toString(record.partition()),
                        "dead-letter-offset", Long.toString(record.offset()))
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata));
    }
}
