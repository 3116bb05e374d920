package news.coverage.ingest.storage;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.format.Document;
import news.coverage.ingest.format.DocumentReader;
import news.coverage.ingest.format.LimitExceededException;
import news.coverage.ingest.format.ParsedItem;
import news.coverage.ingest.format.TextMetadata;
import news.coverage.ingest.item.FieldError;
import news.coverage.ingest.messaging.RejectedItem;
import news.coverage.ingest.messaging.RejectedPublisher;
import news.coverage.ingest.upload.BrokerUnavailableException;
import news.coverage.ingest.upload.Ingestion;
import news.coverage.ingest.upload.ItemResult;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one handler of storage notifications, whatever brought them (CloudEvents over HTTP, Kafka records): reads each
 * new object, ingests every item in it, and dead-letters what it rejects on {@code articles.rejected}. It fails,
 * so that the transport delivers again, only when the object could not be read or the broker did not acknowledge.
 */
@ApplicationScoped
public class StorageEventHandler {

    private static final Logger LOG = Logger.getLogger(StorageEventHandler.class);

    private final S3AsyncClient s3;
    private final StorageConfig config;
    private final DocumentReader reader;
    private final Ingestion ingestion;
    private final RejectedPublisher rejected;

    public StorageEventHandler(S3AsyncClient s3, StorageConfig config, DocumentReader reader, Ingestion ingestion,
            RejectedPublisher rejected) {
        this.s3 = s3;
        this.config = config;
        this.reader = reader;
        this.ingestion = ingestion;
        this.rejected = rejected;
    }

    /**
     * Ingests the objects the notification names. It fails with an {@link InvalidNotificationException}, before
     * reading anything, when a record is malformed or names a key that is not read, and when an object is not there.
     */
    public Uni<List<ItemResult>> handle(S3EventNotification notification) {
        List<S3EventNotification.Record> records = notification.records() == null ? List.of() : notification.records();
        List<S3EventNotification.Record> created = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            S3EventNotification.Record record = records.get(i);
            if (record == null) {
                return Uni.createFrom().failure(new InvalidNotificationException("/Records/" + i, "a record is an object, not null"));
            }
            if (record.isObjectCreated()) {
                Optional<InvalidNotificationException> problem = record.problem("/Records/" + i);
                if (problem.isPresent()) {
                    return Uni.createFrom().failure(problem.get());
                }
                created.add(record);
            }
        }
        return Multi.createFrom().iterable(created)
                .onItem().transformToUniAndConcatenate(this::ingestObject)
                .collect().in(ArrayList<ItemResult>::new, List::addAll)
                .map(List::copyOf);
    }

    private Uni<List<ItemResult>> ingestObject(S3EventNotification.Record record) {
        String source = "s3://" + record.bucket() + "/" + record.key();
        if (!config.buckets().contains(record.bucket())) {
            return deadLetter(source, List.of(new FieldError("", "bucket " + record.bucket()
                    + " is not one of ingest.storage.buckets")));
        }
        var request = GetObjectRequest.builder().bucket(record.bucket()).key(record.key()).build();
        return Uni.createFrom().completionStage(() -> s3.getObject(request, AsyncResponseTransformer.toBytes()))
                .onFailure(NoSuchKeyException.class).transform(missing -> new InvalidNotificationException(
                        "/Records", source + " does not exist (deleted since the notification, or never written)"))
                .chain(object -> {
                    List<ParsedItem> items;
                    try {
                        items = reader.read(new Document(source, object.response().contentType(), object.asByteArray()),
                                TextMetadata.NONE);
                    } catch (LimitExceededException e) {
                        return deadLetter(source, List.of(new FieldError("", e.getMessage() + " (" + e.limit() + ")")));
                    }
                    // the object's own time: a notification handled again (a redelivery) or late is no newer than it
                    Instant modified = object.response().lastModified() != null ? object.response().lastModified()
                            : Instant.now();
                    return ingestion.ingest(items, modified).chain(batch -> settle(batch.results()));
                });
    }

    /** Dead-letters the rejected items; an item the broker did not take fails the whole notification for a retry. */
    private Uni<List<ItemResult>> settle(List<ItemResult> results) {
        if (results.stream().anyMatch(result -> result.status() == ItemResult.Status.UNACKNOWLEDGED)) {
            return Uni.createFrom().failure(new BrokerUnavailableException(results));
        }
        return Multi.createFrom().iterable(results)
                .filter(result -> result.status() == ItemResult.Status.REJECTED)
                .onItem().transformToUniAndConcatenate(result -> rejected.publish(
                        new RejectedItem(result.source(), result.errors(), Instant.now())))
                .collect().last()
                .replaceWith(results);
    }

    private Uni<List<ItemResult>> deadLetter(String source, List<FieldError> errors) {
        LOG.warnf("rejected %s: %s", source, errors);
        ItemResult result = new ItemResult(source, null, ItemResult.Status.REJECTED, errors);
        return rejected.publish(new RejectedItem(source, errors, Instant.now())).replaceWith(List.of(result));
    }
}
