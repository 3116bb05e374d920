package news.coverage.catalog.article;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How many articles carry each topic, or come from each provider, in a time range. */
@ApplicationScoped
public class Facets {

    /** One value of a facet and its article count. */
    public record Count(String name, long count) {
    }

    private final ArticleRepository repository;

    public Facets(ArticleRepository repository) {
        this.repository = repository;
    }

    public Uni<List<Count>> topics(Optional<Instant> from, Optional<Instant> to) {
        return count("topics", true, from, to);
    }

    public Uni<List<Count>> providers(Optional<Instant> from, Optional<Instant> to) {
        return count("providerDomain", false, from, to);
    }

    private Uni<List<Count>> count(String field, boolean list, Optional<Instant> from, Optional<Instant> to) {
        List<Bson> range = new ArrayList<>();
        from.ifPresent(instant -> range.add(Filters.gte("publishedAt", instant)));
        to.ifPresent(instant -> range.add(Filters.lt("publishedAt", instant)));
        List<Bson> pipeline = new ArrayList<>();
        if (!range.isEmpty()) {
            pipeline.add(Aggregates.match(Filters.and(range)));
        }
        if (list) {
            pipeline.add(Aggregates.unwind("$" + field));
        }
        pipeline.add(Aggregates.group("$" + field, Accumulators.sum("count", 1)));
        pipeline.add(Aggregates.sort(Sorts.orderBy(Sorts.descending("count"), Sorts.ascending("_id"))));
        return repository.mongoCollection().aggregate(pipeline, Document.class)
                .map(group -> new Count(group.getString("_id"), ((Number) group.get("count")).longValue()))
                .collect().asList();
    }
}
