package news.coverage.catalog.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Announces each effective catalog write on {@code articles.cataloged}, keyed by article id. */
@ApplicationScoped
public class CatalogedPublisher {

    public static final String TYPE = "news.coverage.article.cataloged";

    private final MutinyEmitter<CatalogedArticle> emitter;

    public CatalogedPublisher(@Channel("articles-cataloged") MutinyEmitter<CatalogedArticle> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(CatalogedArticle article) {
        var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build();
        var event = OutgoingCloudEventMetadata.builder()
                .withId(UUID.randomUUID().toString())
                .withType(TYPE)
                .withSubject(article.id())
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .build();
        return emitter.sendMessage(Message.of(article, Metadata.of(record, event)));
    }
}
