package news.coverage.recommend.text;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many articles of the read model carry each term, and how many there are in all, read from {@code term_stat} and
 * {@code corpus_stat} and kept for a few seconds. Scoring
 * needs them for the norms of up to a few hundred candidates per answer; asking PostgreSQL term by term for each was
 * 90% of an answer's time (auto_explain: 2,499 index look-ups, 27 of 30 ms). A count a few seconds old shifts a
 * weight by a hair; nothing here outlives a restart that the table does not hold.
 */
@ApplicationScoped
public class DocumentFrequencies {

    private static final String COUNTS = "SELECT term, article_count FROM term_stat WHERE term = ANY($1::text[])";
    private static final String CORPUS = "SELECT greatest(article_count, 1) AS articles FROM corpus_stat WHERE id = 1";
    private static final long TIME_TO_LIVE = Duration.ofSeconds(5).toNanos();

    private record Count(int articles, long readAt) {
    }

    private final Pool database;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private volatile Count corpus;

    public DocumentFrequencies(Pool database) {
        this.database = database;
    }

    /** The count of each term (0 when no article carries it), reading from the table only those not fresh here. */
    public Uni<Map<String, Integer>> of(Collection<String> terms) {
        long now = System.nanoTime();
        Map<String, Integer> known = new HashMap<>();
        List<String> missing = terms.stream().distinct().filter(term -> {
            Count count = counts.get(term);
            if (count != null && now - count.readAt() < TIME_TO_LIVE) {
                known.put(term, count.articles());
                return false;
            }
            return true;
        }).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        return database.preparedQuery(COUNTS).execute(Tuple.of(missing.toArray(String[]::new))).map(rows -> {
            missing.forEach(term -> known.put(term, 0));
            rows.forEach(row -> known.put(row.getString("term"), row.getInteger("article_count")));
            missing.forEach(term -> counts.put(term, new Count(known.get(term), now)));
            return known;
        });
    }

    /** How many articles the read model holds (at least 1). */
    public Uni<Integer> corpusSize() {
        long now = System.nanoTime();
        Count known = corpus;
        if (known != null && now - known.readAt() < TIME_TO_LIVE) {
            return Uni.createFrom().item(known.articles());
        }
        return database.preparedQuery(CORPUS).execute().map(rows -> {
            corpus = new Count(rows.iterator().next().getInteger("articles"), now);
            return corpus.articles();
        });
    }
}
