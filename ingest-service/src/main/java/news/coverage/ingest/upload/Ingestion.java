package news.coverage.ingest.upload;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.format.IngestLimits;
import news.coverage.ingest.format.LimitExceededException;
import news.coverage.ingest.format.ParsedItem;
import news.coverage.ingest.item.FieldError;
import news.coverage.ingest.item.InvalidItemException;
import news.coverage.ingest.item.ItemAcceptor;
import news.coverage.ingest.item.NewsItem;
import news.coverage.ingest.messaging.ArticlePublisher;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Takes parsed items through validation and publication, one result each; a bad item holds back no other. */
@ApplicationScoped
public class Ingestion {

    /** Publications in flight at once for a batch: enough for the producer to fill its batches. */
    private static final int CONCURRENCY = 256;

    private final ItemAcceptor acceptor;
    private final ArticlePublisher publisher;
    private final IngestLimits limits;

    public Ingestion(ItemAcceptor acceptor, ArticlePublisher publisher, IngestLimits limits) {
        this.acceptor = acceptor;
        this.publisher = publisher;
        this.limits = limits;
    }

    /**
     * @param receivedAt when the items were received (a request's arrival, a stored object's last modification): the
     *                   order in which consumers take versions of one article
     */
    public Uni<BatchResult> ingest(List<ParsedItem> items, Instant receivedAt) {
        if (items.size() > limits.itemsPerBatch()) {
            throw new LimitExceededException("ingest.limits.items-per-batch", "the upload holds " + items.size()
                    + " items; at most " + limits.itemsPerBatch() + " are taken at once");
        }
        // merged publications complete in any order; the answer lists them as uploaded
        return Multi.createFrom().range(0, items.size())
                .onItem().transformToUni(i -> ingest(items.get(i), receivedAt).map(result -> new Numbered(i, result)))
                .merge(CONCURRENCY)
                .collect().asList()
                .map(numbered -> BatchResult.of(numbered.stream()
                        .sorted(Comparator.comparingInt(Numbered::index))
                        .map(Numbered::result)
                        .toList()));
    }

    /** Validates, normalises and publishes one item; the result says what became of it. */
    public Uni<ItemResult> ingest(ParsedItem parsed, Instant receivedAt) {
        if (!parsed.isParsed()) {
            return Uni.createFrom().item(rejected(parsed.source(), null, parsed.errors()));
        }
        NewsItem item;
        try {
            item = acceptor.accept(parsed);
        } catch (InvalidItemException e) {
            return Uni.createFrom().item(rejected(parsed.source(), null, e.errors()));
        }
        return publisher.publish(item, receivedAt)
                .map(ignored -> new ItemResult(parsed.source(), item.id, ItemResult.Status.ACCEPTED, List.of()))
                .onFailure().recoverWithItem(failure -> new ItemResult(parsed.source(), item.id,
                        ItemResult.Status.UNACKNOWLEDGED, List.of(new FieldError("",
                                "the message broker did not acknowledge the item: " + failure.getMessage()))));
    }

    private record Numbered(int index, ItemResult result) {
    }

    private static ItemResult rejected(String source, String id, List<FieldError> errors) {
        return new ItemResult(source, id, ItemResult.Status.REJECTED, errors);
    }
}
