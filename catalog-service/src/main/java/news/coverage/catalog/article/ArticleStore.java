package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.article.CanonicalUrl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes items into the catalog, a batch at a time and only where their content changed, and keeps track of what was
 * announced, so that a write whose announcement was lost (a crash in between) is announced when the record is
 * delivered again.
 */
@ApplicationScoped
public class ArticleStore {

    /** The item fields holding URLs of the article; each is stored canonical in {@code urls}, for look-ups. */
    private static final List<String> URL_FIELDS = List.of("webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl",
            "sourceUrl");

    /** The primary key's index, as duplicate-key errors name it. */
    private static final String ID_INDEX = "index: _id_ ";

    private final ArticleRepository repository;
    private final DeletionRepository deletions;
    private final ArticleIndexes indexes;

    public ArticleStore(ArticleRepository repository, DeletionRepository deletions, ArticleIndexes indexes) {
        this.repository = repository;
        this.deletions = deletions;
        this.indexes = indexes;
    }

    /** What a deletion found. */
    public enum Deletion {
        /** The article was there and is gone now. */
        DELETED,
        /** It was deleted before: its tombstone may still have to be sent (a crash after the delete). */
        DELETED_BEFORE,
        /**
         * Its last write is not announced yet: a tombstone now could reach consumers before that announcement, which
         * would then bring the article back for them. Not deleted; to be asked again.
         */
        NOT_ANNOUNCED_YET,
        UNKNOWN
    }

    /** How often a deletion looks again for the announcement of the article's last write (about 3 s in all). */
    private static final int ANNOUNCEMENT_CHECKS = 18;

    /**
     * Deletes an article: its deletion mark first, so that no older record brings it back even if this stops
     * half-way, then the document.
     */
    public Uni<Deletion> delete(String id) {
        return announcedOrGone(id).chain(document -> {
            if (document == null) {
                return deletions.findById(id).map(mark -> mark == null ? Deletion.UNKNOWN : Deletion.DELETED_BEFORE);
            }
            if (document.announcedRevision < document.revision) {
                return Uni.createFrom().item(Deletion.NOT_ANNOUNCED_YET);
            }
            DeletionMark mark = new DeletionMark();
            mark.id = id;
            mark.deletedAt = Instant.now();
            return deletions.persistOrUpdate(mark).chain(() -> repository.deleteById(id))
                    .map(deleted -> deleted ? Deletion.DELETED : Deletion.DELETED_BEFORE);
        });
    }

    /**
     * What a batch write did.
     *
     * @param toAnnounce the articles written, or written before but not yet announced
     * @param refused    the reason, by article id, for each item the database refused for good (such as another id
     *                   under an existing canonical URL)
     */
    public record Outcome(List<ArticleDocument> toAnnounce, Map<String, String> refused) {
    }

    /** The article once its last write is announced (or as it is after a short wait), null if there is none. */
    private Uni<ArticleDocument> announcedOrGone(String id) {
        return Uni.createFrom().deferred(() -> repository.findById(id))
                .onItem().transformToUni(document -> document != null && document.announcedRevision < document.revision
                        ? Uni.createFrom().<ArticleDocument>failure(new AnnouncementPending(document))
                        : Uni.createFrom().item(document))
                .onFailure(AnnouncementPending.class).retry().withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(ANNOUNCEMENT_CHECKS)
                .onFailure(AnnouncementPending.class).recoverWithItem(pending -> ((AnnouncementPending) pending).document);
    }

    /** The article's last write is not announced yet. */
    private static final class AnnouncementPending extends RuntimeException {
        private final transient ArticleDocument document;

        AnnouncementPending(ArticleDocument document) {
            super(null, null, false, false);
            this.document = document;
        }
    }

    /**
     * Stores the items, by article id, with two look-ups and one bulk write; an item whose content the catalog already
     * holds is not written, nor one received before the stored version or before the article's deletion
     * ({@link VersionOrder}). A failure of the whole batch (an outage) leaves it safe to store again.
     *
     * @param receivedAt when ingest received each item, by article id
     */
    public Uni<Outcome> store(Map<String, ObjectNode> byId, Map<String, Instant> receivedAt) {
        return indexes.ready()
                .chain(() -> Uni.combine().all().unis(
                        repository.mongoCollection().find(Filters.in("_id", byId.keySet())).collect().asList(),
                        deletions.mongoCollection().find(Filters.in("_id", byId.keySet())).collect().asList())
                        .asTuple())
                .chain(found -> {
                    Map<String, ArticleDocument> existing = found.getItem1().stream()
                            .collect(Collectors.toMap(document -> document.id, Function.identity()));
                    Map<String, Instant> deletedAt = found.getItem2().stream()
                            .collect(Collectors.toMap(mark -> mark.id, mark -> mark.deletedAt));
                    Instant now = Instant.now();
                    List<ArticleDocument> writes = new ArrayList<>();
                    List<ArticleDocument> unannounced = new ArrayList<>();
                    byId.forEach((id, item) -> {
                        ArticleDocument before = existing.get(id);
                        String version = ContentVersion.of(item);
                        if (before != null && version.equals(before.version)) {
                            if (before.announcedRevision < before.revision) {
                                unannounced.add(before);
                            }
                        } else if (VersionOrder.supersedes(receivedAt.get(id), before == null ? null : before.receivedAt,
                                deletedAt.get(id))) {
                            writes.add(toDocument(id, item, version, receivedAt.get(id), before, now));
                        }
                    });
                    List<String> undeleted = writes.stream().map(document -> document.id)
                            .filter(deletedAt::containsKey).toList();
                    return write(writes)
                            .call(() -> undeleted.isEmpty() ? Uni.createFrom().voidItem()
                                    : deletions.mongoCollection().deleteMany(Filters.in("_id", undeleted)))
                            .map(refused -> new Outcome(Stream.concat(unannounced.stream(),
                            writes.stream().filter(document -> !refused.containsKey(document.id))).toList(), refused));
                });
    }

    /**
     * Inserts the new documents and replaces the changed ones, unordered, so that a refused one does not hold back the
     * others. An insert is cheaper than an upsert (the wire-protocol server clones a document several times for one).
     */
    private Uni<Map<String, String>> write(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<WriteModel<ArticleDocument>> writes = documents.stream()
                .<WriteModel<ArticleDocument>>map(document -> document.revision == 1 ? new InsertOneModel<>(document)
                        : new ReplaceOneModel<>(Filters.eq("_id", document.id), document, new ReplaceOptions().upsert(true)))
                .toList();
        return repository.mongoCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .replaceWith(Map.<String, String>of())
                .onFailure(MongoBulkWriteException.class).recoverWithUni(failure -> {
                    MongoBulkWriteException refusal = (MongoBulkWriteException) failure;
                    if (refusal.getWriteConcernError() != null || refusal.getWriteErrors().stream().anyMatch(
                            error -> error.getMessage().contains(ID_INDEX))) {
                        // another writer stored one of these ids since the look-up (a rebalance): the batch is
                        // stored again, and then finds it
                        return Uni.createFrom().failure(failure);
                    }
                    return Uni.createFrom().item(refusal.getWriteErrors().stream().collect(Collectors.toMap(
                            error -> documents.get(error.getIndex()).id, BulkWriteError::getMessage)));
                });
    }

    /**
     * Records that these revisions were announced; a newer revision announced meanwhile stays recorded. By id alone,
     * the look-up every MongoDB (and the local wire-protocol server) answers from the primary key.
     */
    public Uni<Void> announced(List<ArticleDocument> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<ArticleDocument>> updates = documents.stream()
                .<WriteModel<ArticleDocument>>map(document -> new UpdateOneModel<>(
                        Filters.eq("_id", document.id), Updates.max("announcedRevision", document.revision)))
                .toList();
        return repository.mongoCollection().bulkWrite(updates, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    private static ArticleDocument toDocument(String id, ObjectNode item, String version, Instant receivedAt,
            ArticleDocument before, Instant now) {
        ArticleDocument document = new ArticleDocument();
        document.id = id;
        document.version = version;
        document.receivedAt = receivedAt;
        document.canonicalUrl = item.path("canonicalUrl").asText();
        document.urls = Stream.concat(Stream.of(document.canonicalUrl), URL_FIELDS.stream()
                        .map(field -> item.path(field).asText(null))
                        .filter(Objects::nonNull)
                        .flatMap(url -> CanonicalUrl.of(url).stream()))
                .distinct().toList();
        document.providerDomain = item.path("provider").path("domain").asText();
        document.publishedAt = Instant.parse(item.path("publishedDateTime").asText());
        List<String> topics = new ArrayList<>();
        item.path("topics").forEach(topic -> topics.add(topic.asText()));
        document.topics = topics;
        document.topicKeys = LookupKeys.topicKeys(topics);
        document.providerKeys = LookupKeys.providerKeys(document.providerDomain,
                item.path("provider").path("name").asText(null));
        document.item = BsonItem.of(item);
        document.firstSeenAt = before == null ? now : before.firstSeenAt;
        document.updatedAt = now;
        document.revision = before == null ? 1 : before.revision + 1;
        document.announcedRevision = before == null ? 0 : before.announcedRevision;
        return document;
    }
}
