package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The IDF weight of every topic, ln(1 + N / articles carrying it), read from {@code topic_stat} and kept for a few
 * seconds: every answer needs them, and there are only as many as the catalog has topics. A topic newer than the
 * copy weighs 0 until the next read.
 */
@ApplicationScoped
public class TopicWeights {

    private static final String WEIGHTS = """
            SELECT s.topic, ln(1 + c.article_count::float8 / s.article_count) AS weight
            FROM topic_stat s, corpus_stat c WHERE c.id = 1""";
    private static final long TIME_TO_LIVE = Duration.ofSeconds(5).toNanos();

    private record Snapshot(Map<String, Double> weights, long readAt) {
    }

    private final Pool database;
    private volatile Snapshot snapshot;

    public TopicWeights(Pool database) {
        this.database = database;
    }

    public Uni<Map<String, Double>> all() {
        long now = System.nanoTime();
        Snapshot current = snapshot;
        if (current != null && now - current.readAt() < TIME_TO_LIVE) {
            return Uni.createFrom().item(current.weights());
        }
        return database.preparedQuery(WEIGHTS).execute().map(rows -> {
            Map<String, Double> weights = new HashMap<>();
            rows.forEach(row -> weights.put(row.getString("topic"), row.getDouble("weight")));
            snapshot = new Snapshot(Map.copyOf(weights), now);
            return snapshot.weights();
        });
    }
}
