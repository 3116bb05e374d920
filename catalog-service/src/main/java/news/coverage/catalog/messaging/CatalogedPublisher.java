package news.coverage.catalog.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Announces each effective catalog write on {@code articles.cataloged} with CloudEvents attributes (type and source
 * from the channel configuration), keyed by article id.
 */
@ApplicationScoped
public class CatalogedPublisher {

    private final MutinyEmitter<CatalogedArticle> emitter;

    public CatalogedPublisher(@Channel("articles-cataloged") MutinyEmitter<CatalogedArticle> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(CatalogedArticle article) {
        // the partitionkey extension becomes the record key, so the topic can be compacted per article
        return emitter.sendMessage(Message.of(article).addMetadata(OutgoingCloudEventMetadata.builder()
                .withSubject(article.id()).withExtension("partitionkey", article.id()).build()));
    }
}
