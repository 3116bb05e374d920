package news.coverage.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Dead-letters items rejected where no client waits: {@code articles.rejected}, keyed by source, with the reasons. */
@ApplicationScoped
public class RejectedPublisher {

    private final MutinyEmitter<RejectedItem> emitter;

    public RejectedPublisher(@Channel("articles-rejected") MutinyEmitter<RejectedItem> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(RejectedItem rejected) {
        return emitter.sendMessage(KeyedEvents.keyed(rejected, rejected.source()));
    }
}
