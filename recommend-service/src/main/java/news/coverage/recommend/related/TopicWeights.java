package news.coverage.recommend.related;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * The IDF weight of every topic, ln(1 + N / articles carrying it), from {@code topic_stat}: read when first asked
 * for, then re-read every few seconds, so that an answer never waits for it (there are only as many as the catalog
 * has topics). A topic newer than the copy weighs 0 until the next read.
 */
@ApplicationScoped
public class TopicWeights {

    private static final String WEIGHTS = """
            SELECT s.topic, ln(1 + c.article_count::float8 / s.article_count) AS weight
            FROM topic_stat s, corpus_stat c WHERE c.id = 1""";

    private final Pool database;
    private volatile Map<String, Double> weights;

    public TopicWeights(Pool database) {
        this.database = database;
    }

    public Uni<Map<String, Double>> all() {
        Map<String, Double> known = weights;
        return known != null ? Uni.createFrom().item(known) : read();
    }

    @Scheduled(every = "${related.statistics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return weights != null ? read().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    private Uni<Map<String, Double>> read() {
        return database.preparedQuery(WEIGHTS).execute().map(rows -> {
            Map<String, Double> read = new HashMap<>();
            rows.forEach(row -> read.put(row.getString("topic"), row.getDouble("weight")));
            weights = Map.copyOf(read);
            return weights;
        });
    }
}
