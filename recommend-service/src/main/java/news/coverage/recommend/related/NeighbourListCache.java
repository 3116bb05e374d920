package news.coverage.recommend.related;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.text.DocumentFrequencies;
import news.coverage.recommend.text.TermVector;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The kept lists of {@link NeighbourLists}, held in memory with the articles they name, so that an answer needs no
 * database round trip: at 100,000 articles the one list query alone took four times the whole round trip of the
 * health endpoint. PostgreSQL stays the truth: every change to a list or an article is announced at commit on the
 * {@code related_lists} channel ({@code V4__list_change_notices.sql}); {@link ListChangeListener} hands the ids to
 * {@link #forget}, which drops them at once and reads them again in the background, many lists a query, so that
 * answers meanwhile read the database and newly written lists are held too. Lists are held only while that channel
 * is listened to; each (re)subscription starts from nothing and reads every list again, since changes may have gone
 * unheard. Nothing is held that the database does not hold, so a restart loses nothing.
 */
@ApplicationScoped
public class NeighbourListCache {

    private static final Logger LOG = Logger.getLogger(NeighbourListCache.class);
    /** Lists with the ids of their neighbours, in the order of their links; {@code %s}: which owners. */
    private static final String LISTS = """
            SELECT o.id, o.neighbours_computed, o.neighbours_truncated, o.neighbours_capped,
                   coalesce(array_agg(nb.id ORDER BY nb.seq) FILTER (WHERE nb.id IS NOT NULL), '{}') AS neighbours,
                   coalesce(array_agg(n.linked ORDER BY nb.seq) FILTER (WHERE nb.id IS NOT NULL), '{}') AS linked
            FROM article o
            LEFT JOIN related_neighbour n ON n.article_seq = o.seq
            LEFT JOIN article nb ON nb.seq = n.neighbour_seq
            WHERE %s""";
    private static final String LISTS_OF = LISTS.formatted("o.id = ANY($1) GROUP BY o.id");
    private static final String LISTS_AFTER = LISTS.formatted(
            "o.seq > $1 AND o.seq <= $1 + $2 GROUP BY o.id"); // consecutive owners, for the start-up read
    private static final String SUMMARIES = "SELECT %s FROM article a WHERE a.id = ANY($1)"
            .formatted(ArticleSummary.COLUMNS);
    private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) AS last FROM article";
    /** How many lists one query reads. */
    private static final int BATCH = 1_000;
    /** The generation of a list whose similarities are not computed yet. */
    private static final long UNSCORED = -1;
    /** How long changes are gathered before the lists they name are read again. */
    private static final Duration GATHERING = Duration.ofMillis(50);

    /**
     * The kept neighbours of an article, as candidates of a query with the given options.
     *
     * @param computed  false while the article's list is not stored yet (answers are then searched in full)
     * @param truncated whether the list ever dropped or missed an entry for its length, so that it may not hold all
     *                  of a filtered answer
     * @param capped    whether it dropped or missed one for the bound per provider
     * @param held      whether it was held in memory (else it was read from the database)
     */
    public record Kept(RelatedQuery query, List<Candidate> candidates, boolean computed, boolean truncated,
            boolean capped, boolean held) {
    }

    /**
     * An article's list as held: its neighbours with their link flags and text similarities, computed with the
     * statistics of {@code generation} (none yet while it is {@link #UNSCORED}).
     */
    private record Held(ArticleSummary article, Set<String> topics, ArticleSummary[] neighbours, boolean[] linked,
            double[] similarities, long generation, boolean computed, boolean truncated, boolean capped) {

        Held withSimilarities(double[] recomputed, long now) {
            return new Held(article, topics, neighbours, linked, recomputed, now, computed, truncated, capped);
        }

        Kept kept(RelatedQuery.Options options, boolean held) {
            List<Candidate> candidates = new ArrayList<>(neighbours.length);
            for (int i = 0; i < neighbours.length; i++) {
                candidates.add(new Candidate(neighbours[i], similarities[i], linked[i]));
            }
            RelatedQuery query = new RelatedQuery(article.id(), article.headline(), article.text(), topics,
                    article.providerDomain(), article.publishedAt(), Set.of(), options);
            return new Kept(query, candidates, computed, truncated, capped, held);
        }

        List<TermVector> texts() {
            return Arrays.stream(neighbours).map(ArticleSummary::text).toList();
        }
    }

    private final Pool database;
    private final TextSimilarity similarity;
    private final DocumentFrequencies frequencies;
    private final Cache<String, Held> lists;
    /** One summary per article, shared by the lists that name it; gone once no held list does. */
    private final Cache<String, ArticleSummary> summaries = Caffeine.newBuilder().weakValues().build();
    /** The reads under way (by identity), each noting the ids forgotten while it ran. */
    private final Set<Read> readsUnderWay = ConcurrentHashMap.newKeySet();
    /** Lists forgotten and not read again yet. */
    private final Set<String> toRead = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Counts up whenever holding starts or stops: a read begun before that puts nothing. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean holding;

    public NeighbourListCache(Pool database, TextSimilarity similarity, DocumentFrequencies frequencies,
            RankingConfig config, MeterRegistry registry) {
        this.database = database;
        this.similarity = similarity;
        this.frequencies = frequencies;
        this.lists = Caffeine.newBuilder().maximumSize(config.neighbours().heldInMemory()).build();
        Gauge.builder("related.lists.held", lists, Cache::estimatedSize)
                .description("Kept lists held in memory, of at most related.neighbours.held-in-memory")
                .strongReference(true).register(registry);
    }

    /** The article's kept neighbours, their text similarity under the current statistics; null if no such article. */
    public Uni<Kept> of(String articleId, RelatedQuery.Options options) {
        Held held = holding ? lists.getIfPresent(articleId) : null;
        Uni<Held> found = held != null ? current(articleId, held)
                : read(LISTS_OF, Tuple.of(new String[] {articleId})).map(read -> read.get(articleId));
        return found.map(list -> list == null ? null : list.kept(options, held != null));
    }

    /** Starts holding lists, from nothing, and reads all of them (as many as may be held). */
    void hold() {
        stopHolding();
        holding = true;
        long started = System.nanoTime();
        readAll().subscribe().with(
                held -> LOG.infof("%d kept lists held in memory, read in %.1f s", held,
                        (System.nanoTime() - started) / 1e9),
                failure -> LOG.warn("Reading the kept lists failed; they are read as they are asked for", failure));
    }

    /** Stops holding lists (changes can no longer be heard) and drops those held. */
    void stopHolding() {
        holding = false;
        epoch.incrementAndGet();
        toRead.clear();
        lists.invalidateAll();
        summaries.invalidateAll();
    }

    /**
     * Drops the held lists of these articles, which changed, and reads them again soon.
     *
     * @param articlesChanged whether the articles themselves changed (or went), so that their summaries are stale too
     */
    void forget(Collection<String> articleIds, boolean articlesChanged) {
        readsUnderWay.forEach(read -> read.forgotten(articleIds, articlesChanged));
        lists.invalidateAll(articleIds);
        if (articlesChanged) {
            summaries.invalidateAll(articleIds);
        }
        if (holding) {
            toRead.addAll(articleIds);
            readForgotten();
        }
    }

    /**
     * Reads the forgotten lists again, a batch at a time, a moment after the first change is heard: one arrival
     * announces its own list and those of the candidates it was offered to, in several notices, and a burst of
     * arrivals touches the same lists again, so waiting reads each once. Changes heard meanwhile wait for the next batch.
     */
    private void readForgotten() {
        if (toRead.isEmpty() || !reading.compareAndSet(false, true)) {
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(GATHERING).chain(() -> {
            List<String> batch = toRead.stream().limit(BATCH).toList();
            batch.forEach(toRead::remove);
            return read(LISTS_OF, Tuple.of(batch.toArray(String[]::new)));
        }).subscribe().with(read -> {
            reading.set(false);
            readForgotten();
        }, failure -> {
            reading.set(false);
            LOG.warn("Reading changed lists again failed; they are read as they are asked for", failure);
        });
    }

    /** The held list with similarities of the current statistics, recomputed once after these change. */
    private Uni<Held> current(String articleId, Held held) {
        if (held.generation() == frequencies.generation()) {
            return Uni.createFrom().item(held);
        }
        return scored(held).invoke(recomputed -> lists.asMap().replace(articleId, held, recomputed));
    }

    /** The list with the text similarities of its neighbours under the current statistics. */
    private Uni<Held> scored(Held list) {
        long generation = frequencies.generation();
        return similarity.cosines(list.article().text(), list.texts())
                .map(cosines -> list.withSimilarities(cosines, generation));
    }

    /** Reads every list, in batches of consecutive owners. Answers how many it holds. */
    private Uni<Integer> readAll() {
        return database.preparedQuery(LAST_SEQ).execute()
                .chain(rows -> Multi.createFrom().range(0, (int) (rows.iterator().next().getLong("last") / BATCH) + 1)
                        .onItem().transformToUniAndConcatenate(
                                batch -> read(LISTS_AFTER, Tuple.of((long) batch * BATCH, BATCH)))
                        .collect().with(Collectors.summingInt(Map::size)));
    }

    /**
     * Reads the lists the query names, with the summaries of their articles not held yet, and holds them unless
     * they changed meanwhile. Answers them by article id.
     */
    private Uni<Map<String, Held>> read(String listsQuery, Tuple owners) {
        Read read = new Read();
        return database.preparedQuery(listsQuery).execute(owners).chain(rows -> {
            Map<String, ArticleSummary> known = new HashMap<>();
            Set<String> missing = new HashSet<>();
            for (Row row : rows) {
                known(row.getString("id"), known, missing);
                for (String neighbour : row.getArrayOfStrings("neighbours")) {
                    known(neighbour, known, missing);
                }
            }
            Uni<Void> summarised = missing.isEmpty() ? Uni.createFrom().voidItem()
                    : database.preparedQuery(SUMMARIES).execute(Tuple.of(missing.toArray(String[]::new)))
                            .invoke(found -> found.forEach(row -> {
                                ArticleSummary summary = summaries.get(row.getString("id"), id -> ArticleSummary.of(row));
                                known.put(summary.id(), summary);
                            })).replaceWithVoid();
            return summarised.chain(() -> frequencies.of(known.values().stream()
                            .flatMap(summary -> Arrays.stream(summary.text().terms())).toList()))
                    .chain(() -> held(rows, known, read));
        }).invoke(read::hold).onTermination().invoke(read::end);
    }

    /** Puts the held summary of an article into {@code known}, or its id into {@code missing}. */
    private void known(String id, Map<String, ArticleSummary> known, Set<String> missing) {
        if (!known.containsKey(id)) {
            ArticleSummary summary = summaries.getIfPresent(id);
            if (summary != null) {
                known.put(id, summary);
            } else {
                missing.add(id);
            }
        }
    }

    /**
     * The lists of the rows. A neighbour deleted between the two queries is left out, and that list is not held: its
     * change is on its way.
     */
    private Uni<Map<String, Held>> held(RowSet<Row> rows, Map<String, ArticleSummary> known, Read read) {
        List<Uni<Held>> built = new ArrayList<>();
        for (Row row : rows) {
            ArticleSummary article = known.get(row.getString("id"));
            if (article == null) {
                continue;
            }
            String[] ids = row.getArrayOfStrings("neighbours");
            Boolean[] links = row.getArrayOfBooleans("linked");
            List<ArticleSummary> neighbours = new ArrayList<>(ids.length);
            boolean[] linked = new boolean[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ArticleSummary neighbour = known.get(ids[i]);
                if (neighbour != null) {
                    linked[neighbours.size()] = links[i];
                    neighbours.add(neighbour);
                }
            }
            if (neighbours.size() < ids.length) {
                read.forgotten(List.of(article.id()), false);
            }
            built.add(scored(new Held(article, Set.copyOf(article.topics()), neighbours.toArray(ArticleSummary[]::new),
                    Arrays.copyOf(linked, neighbours.size()), null, UNSCORED, row.getBoolean("neighbours_computed"),
                    row.getBoolean("neighbours_truncated"), row.getBoolean("neighbours_capped"))));
        }
        if (built.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(built).andFailFast().map(all -> {
            Map<String, Held> byId = new HashMap<>();
            all.forEach(list -> byId.put(list.article().id(), list));
            return byId;
        });
    }

    /** A read of lists under way: what it may hold depends on what changed while it ran. */
    private final class Read {

        private final long startedIn = epoch.get();
        /** Lists that changed while it ran, and articles: what it read of them may be older than the change. */
        private final Set<String> forgottenLists = ConcurrentHashMap.newKeySet();
        private final Set<String> forgottenArticles = ConcurrentHashMap.newKeySet();

        Read() {
            readsUnderWay.add(this);
        }

        void forgotten(Collection<String> articleIds, boolean articlesChanged) {
            forgottenLists.addAll(articleIds);
            if (articlesChanged) {
                forgottenArticles.addAll(articleIds);
            }
        }

        void hold(Map<String, Held> read) {
            if (!holding || epoch.get() != startedIn) {
                return;
            }
            read.forEach((id, list) -> {
                if (!forgottenLists.contains(id)) {
                    lists.put(id, list);
                }
            });
        }

        /**
         * Forgets, after the puts, whatever changed during the read: lists and summaries it may have read before the
         * change and put after it was heard.
         */
        void end() {
            readsUnderWay.remove(this);
            lists.invalidateAll(forgottenLists);
            summaries.invalidateAll(forgottenArticles);
        }
    }
}
