package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes items into the catalog, only when their content changed, and keeps track of what was announced, so that a
 * write whose announcement was lost (a crash in between) is announced when the record is delivered again.
 */
@ApplicationScoped
public class ArticleStore {

    private final ArticleRepository repository;

    public ArticleStore(ArticleRepository repository) {
        this.repository = repository;
    }

    /**
     * Stores the item; answers the article to announce, or empty when the catalog already held and announced this
     * very content.
     */
    public Uni<Optional<ArticleDocument>> store(ObjectNode item) {
        String id = item.get("id").asText();
        String version = ContentVersion.of(item);
        return repository.findById(id).chain(existing -> {
            if (existing != null && version.equals(existing.version)) {
                return Uni.createFrom().item(version.equals(existing.announcedVersion) ? Optional.empty()
                        : Optional.of(existing));
            }
            Instant now = Instant.now();
            ArticleDocument document = toDocument(id, item, version);
            document.firstSeenAt = existing == null ? now : existing.firstSeenAt;
            document.updatedAt = now;
            document.announcedVersion = existing == null ? null : existing.announcedVersion;
            return repository.persistOrUpdate(document).map(Optional::of);
        });
    }

    /** Records that this version of the article was announced (unless a newer one was stored meanwhile). */
    public Uni<Void> announced(String id, String version) {
        return repository.update("announcedVersion", version).where("_id = ?1 and version = ?2", id, version)
                .replaceWithVoid();
    }

    private static ArticleDocument toDocument(String id, ObjectNode item, String version) {
        ArticleDocument document = new ArticleDocument();
        document.id = id;
        document.version = version;
        document.canonicalUrl = item.path("canonicalUrl").asText();
        document.providerDomain = item.path("provider").path("domain").asText();
        document.publishedAt = Instant.parse(item.path("publishedDateTime").asText());
        List<String> topics = new ArrayList<>();
        item.path("topics").forEach(topic -> topics.add(topic.asText()));
        document.topics = topics;
        document.item = Document.parse(item.toString());
        return document;
    }
}
