package news.coverage.catalog.article;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds articles by topics, provider, time range and type, page by page in a stable order. */
@ApplicationScoped
public class ArticleSearch {

    private final ArticleRepository repository;

    public ArticleSearch(ArticleRepository repository) {
        this.repository = repository;
    }

    /**
     * The criteria of a search; every value is used as a literal.
     *
     * @param url      a canonical URL, of any of the article's URLs
     * @param topics   topics in any case and spacing
     * @param anyTopic whether one of the topics suffices (else all are needed)
     * @param provider a provider's domain or name, in any case
     */
    public record Criteria(Optional<String> url, List<String> topics, boolean anyTopic, Optional<String> provider,
            Optional<Instant> from, Optional<Instant> to, Optional<String> type) {
    }

    /**
     * A page of articles, newest first.
     *
     * @param next the cursor of the following page, absent on the last one
     */
    public record Page(List<ArticleDocument> articles, String next) {
    }

    /**
     * The {@code limit} newest articles that meet the criteria, after the page that gave out {@code cursor}.
     *
     * @throws jakarta.ws.rs.BadRequestException if the cursor is not one this service gave out
     */
    public Uni<Page> newest(Criteria criteria, Optional<String> cursor, int limit) {
        Optional<PageCursor> after = cursor.map(PageCursor::decode);
        return page(criteria, after, limit + 1).map(found -> {
            List<ArticleDocument> page = found.subList(0, Math.min(limit, found.size()));
            String next = found.size() > limit
                    ? new PageCursor(page.get(limit - 1).publishedAt, page.get(limit - 1).id).encode() : null;
            return new Page(page, next);
        });
    }

    private Uni<List<ArticleDocument>> page(Criteria criteria, Optional<PageCursor> after, int size) {
        List<Bson> filters = new ArrayList<>();
        criteria.url().ifPresent(url -> filters.add(Filters.eq("urls", url)));
        if (!criteria.topics().isEmpty()) {
            List<String> keys = LookupKeys.topicKeys(criteria.topics());
            filters.add(criteria.anyTopic() ? Filters.in("topicKeys", keys) : Filters.all("topicKeys", keys));
        }
        criteria.provider().ifPresent(provider -> filters.add(Filters.eq("providerKeys", LookupKeys.providerKey(provider))));
        criteria.from().ifPresent(from -> filters.add(Filters.gte("publishedAt", from)));
        criteria.to().ifPresent(to -> filters.add(Filters.lt("publishedAt", to)));
        criteria.type().ifPresent(type -> filters.add(Filters.eq("item.type", type)));
        after.ifPresent(cursor -> filters.add(Filters.or(
                Filters.lt("publishedAt", cursor.publishedAt()),
                Filters.and(Filters.eq("publishedAt", cursor.publishedAt()), Filters.lt("_id", cursor.id())))));
        Bson query = filters.isEmpty() ? new Document() : Filters.and(filters);
        return repository.mongoCollection()
                .find(query, new FindOptions().sort(Sorts.descending("publishedAt", "_id")).limit(size))
                .collect().asList();
    }
}
