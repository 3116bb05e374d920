package news.coverage.recommend.text;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many articles of the read model carry each term, and how many there are in all, from {@code term_stat} and
 * {@code corpus_stat}. A term is read the first time it is asked for; after that the counts of all known terms are
 * re-read together every few seconds, so that an answer never waits for them. Asking PostgreSQL term by term in
 * each answer was 90% of its time (auto_explain: 2,499 index look-ups, 27 of 30 ms); a count a few seconds old shifts
 * a weight by a hair. Nothing here outlives a restart that the tables do not hold.
 */
@ApplicationScoped
public class DocumentFrequencies {

    private static final String COUNTS = "SELECT term, article_count FROM term_stat WHERE term = ANY($1::text[])";
    private static final String CORPUS = "SELECT greatest(article_count, 1) AS articles FROM corpus_stat WHERE id = 1";

    private final Pool database;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private volatile Integer corpusSize;
    /** The corpus size when the known counts were last re-read. */
    private volatile int countsReadAt;
    /** Counts up whenever a read changes a known count, so that similarities computed before can be told apart. */
    private final AtomicLong generation = new AtomicLong();

    public DocumentFrequencies(Pool database) {
        this.database = database;
    }

    /** The count of each term (0 when no article carries it). */
    public Uni<Map<String, Integer>> of(Collection<String> terms) {
        Map<String, Integer> known = new HashMap<>();
        List<String> missing = terms.stream().distinct().filter(term -> {
            Integer count = counts.get(term);
            if (count != null) {
                known.put(term, count);
            }
            return count == null;
        }).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        return read(missing).map(read -> {
            known.putAll(read);
            return known;
        });
    }

    /** How many articles the read model holds (at least 1). */
    public Uni<Integer> corpusSize() {
        Integer known = corpusSize;
        return known != null ? Uni.createFrom().item(known) : readCorpusSize();
    }

    /** Which statistics similarities computed now are computed with: a new value means that some count changed. */
    public long generation() {
        return generation.get();
    }

    /**
     * Re-reads the known counts now if the read model grew by more than a tenth since they were read. While it is
     * young (a first load) counts a few seconds old are far off — a term on half the articles may still count as
     * rare — and what is decided once, when an article arrives (its kept list, its story), would rest on them.
     */
    public Uni<Void> refreshIfGrown() {
        return database.preparedQuery(CORPUS).execute()
                .chain(rows -> rows.iterator().next().getInteger("articles") > countsReadAt * 1.1 ? refresh()
                        : Uni.createFrom().voidItem());
    }

    /** Re-reads every known count; terms no article carries any more are forgotten. */
    @Scheduled(every = "${related.statistics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        List<String> known = List.copyOf(counts.keySet());
        Uni<Integer> size = readCorpusSize().invoke(read -> countsReadAt = read);
        Uni<Void> terms = known.isEmpty() ? Uni.createFrom().voidItem()
                : read(known).invoke(read -> read.forEach((term, count) -> {
                    if (count == 0) {
                        counts.remove(term);
                    }
                })).replaceWithVoid();
        return size.chain(() -> terms);
    }

    private Uni<Map<String, Integer>> read(List<String> terms) {
        return database.preparedQuery(COUNTS).execute(Tuple.of(terms.toArray(String[]::new))).map(rows -> {
            Map<String, Integer> read = new HashMap<>();
            terms.forEach(term -> read.put(term, 0));
            rows.forEach(row -> read.put(row.getString("term"), row.getInteger("article_count")));
            boolean changed = false;
            for (Map.Entry<String, Integer> count : read.entrySet()) {
                Integer previous = counts.put(count.getKey(), count.getValue());
                changed |= previous != null && !previous.equals(count.getValue());
            }
            if (changed) {
                generation.incrementAndGet();
            }
            return read;
        });
    }

    private Uni<Integer> readCorpusSize() {
        return database.preparedQuery(CORPUS).execute().map(rows -> {
            Integer previous = corpusSize;
            Integer read = rows.iterator().next().getInteger("articles");
            corpusSize = read;
            if (previous != null && !previous.equals(read)) {
                generation.incrementAndGet();
            }
            return read;
        });
    }
}
