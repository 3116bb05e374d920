package news.coverage.recommend.related;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TextAnalyzer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps the {@link ArticleIndex} of this instance equal to the read model. It listens, on a connection of its own,
 * to the channel on which every instance's projection announces at commit which articles it wrote or deleted
 * ({@link #announce}), and reads those again; when it starts listening, and again whenever the connection came back
 * (changes may have gone unheard), it reads every article. Its own instance's writes it does not read back: the
 * projection puts them into the index itself. What it read again is told ({@link ChangedElsewhere}): another instance
 * judged those articles' stories without what this one held.
 */
@ApplicationScoped
public class ReadModelFeed {

    private static final Logger LOG = Logger.getLogger(ReadModelFeed.class);
    static final String CHANNEL = "read_model_changes";
    private static final String ALL_AFTER = "SELECT * FROM article WHERE id > $1 ORDER BY id LIMIT $2";
    private static final String OF_IDS = "SELECT * FROM article WHERE id = ANY($1)";
    private static final String NOTIFY = "SELECT pg_notify($1, $2)";
    /** Ids per notice: ids are at most 64 characters, a notice carries at most 8,000 bytes. */
    private static final int IDS_PER_NOTICE = 100;
    private static final int PAGE = 5_000;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final String TURN = "read-model-change";
    /** Longer than any batch takes. */
    private static final Duration TURN_TIMEOUT = Duration.ofHours(1);

    /** Tells this instance's notices from the others'. */
    private final String instance = UUID.randomUUID().toString();
    private final ArticleIndex index;
    private final TextAnalyzer analyzer;
    private final Pool database;
    private final PgSubscriber subscriber;
    private final Vertx vertx;
    private final Event<ChangedElsewhere> changedElsewhere;
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    /** Articles announced and not read again yet. */
    private final Set<String> toRead = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean loading;

    public ReadModelFeed(ArticleIndex index, TextAnalyzer analyzer, Pool database, Vertx vertx,
            Event<ChangedElsewhere> changedElsewhere,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.index = index;
        this.analyzer = analyzer;
        this.database = database;
        this.vertx = vertx;
        this.changedElsewhere = changedElsewhere;
        this.subscriber = PgSubscriber.subscriber(vertx,
                PgConnectOptions.fromUri(url).setUser(user).setPassword(password));
    }

    /**
     * Articles another instance wrote or deleted were read into the index.
     *
     * @param places their times of publication, as the index held them before and holds them now
     */
    public record ChangedElsewhere(List<Instant> places) {
    }

    /** Completes once every article of the read model was read at start. */
    public Uni<Void> loaded() {
        return Uni.createFrom().completionStage(firstLoad);
    }

    public boolean isLoaded() {
        return firstLoad.isDone();
    }

    /** Announces, in the caller's transaction (so at its commit), that these articles were written or deleted. */
    public Uni<Void> announce(SqlConnection connection, Collection<String> ids) {
        List<Tuple> notices = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_NOTICE) {
            notices.add(Tuple.of(CHANNEL,
                    instance + ":" + String.join(",", all.subList(from, Math.min(all.size(), from + IDS_PER_NOTICE)))));
        }
        return connection.preparedQuery(NOTIFY).executeBatch(notices).replaceWithVoid();
    }

    /**
     * Notes articles this instance wrote and put into its index itself: while everything is read again, a page may
     * have been read before their write, so they are read once more after it.
     */
    public void appliedHere(Collection<String> ids) {
        if (loading) {
            toRead.addAll(ids);
        }
    }

    void listen(@Observes StartupEvent started) {
        subscriber.reconnectPolicy(attempt -> {
            if (attempt == 0) {
                LOG.warn("Lost the connection that hears read-model changes; reading everything again once it is back");
            }
            return RECONNECT_DELAY.toMillis();
        });
        subscriber.channel(CHANNEL).subscribeHandler(this::readAll).handler(this::changed);
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(connected -> LOG.info("Listening to read-model changes"), failure -> {
            LOG.warnf("Cannot listen to read-model changes yet (%s); retrying", failure.getMessage());
            // a failed first connect leaves the subscriber neither open nor closed; closing lets it connect again
            subscriber.close().subscribe().with(
                    closed -> vertx.setTimer(RECONNECT_DELAY.toMillis(), timer -> connect()));
        });
    }

    private void changed(String notice) {
        int colon = notice.indexOf(':');
        if (colon < 0 || notice.substring(0, colon).equals(instance)) {
            return;
        }
        toRead.addAll(List.of(notice.substring(colon + 1).split(",")));
        readChanged();
    }

    /**
     * Reads every article, a page at a time, and then those announced meanwhile (a page may have been read before
     * their change); an article it no longer finds leaves the index.
     */
    private void readAll() {
        loading = true;
        long started = System.nanoTime();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        readPages(started(page("")), Uni.createFrom().voidItem(), seen)
                .subscribe().with(done -> {
                    Set<String> gone = new HashSet<>(index.ids());
                    gone.removeAll(seen);
                    // searchable from here: the pages read and what went
                    index.apply(List.of(), gone);
                    loading = false;
                    firstLoad.complete(null);
                    LOG.infof("%d articles read into the index in %.1f s", index.size(),
                            (System.nanoTime() - started) / 1e9);
                    readChanged();
                }, failure -> {
                    loading = false;
                    LOG.warn("Reading the read model failed; reading it again", failure);
                    vertx.setTimer(RECONNECT_DELAY.toMillis(), timer -> readAll());
                });
    }

    /** The articles after this id, a page of them, in the order of their ids. */
    private Uni<RowSet<Row>> page(String after) {
        return database.preparedQuery(ALL_AFTER).execute(Tuple.of(after, PAGE));
    }

    /**
     * Analyses and indexes the page being read and those after it, each page indexed while the next is analysed and
     * the one after it read, so that the processors are kept busy and the database's time is not waited for.
     *
     * @param indexed the indexing of the pages before, in order
     */
    private Uni<Void> readPages(Uni<RowSet<Row>> reading, Uni<Void> indexed, Set<String> seen) {
        return reading.chain(rows -> {
            Uni<RowSet<Row>> next = null;
            if (rows.size() == PAGE) {
                String last = null;
                for (Row row : rows) {
                    last = row.getString("id");
                }
                next = started(page(last));
            }
            Uni<RowSet<Row>> after = next;
            return Uni.createFrom().item(rows).emitOn(Infrastructure.getDefaultWorkerPool()).chain(read -> {
                List<ArticleSummary> page = summaries(read);
                page.forEach(article -> seen.add(article.id()));
                Uni<Void> indexing = started(indexed.emitOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(() -> index.load(page)));
                return after == null ? indexing : readPages(after, indexing, seen);
            });
        });
    }

    /** The work started now, its outcome kept for whoever waits for it (a failure is met there). */
    private static <T> Uni<T> started(Uni<T> work) {
        Uni<T> kept = work.memoize().indefinitely();
        kept.subscribe().with(done -> {
        }, failure -> {
        });
        return kept;
    }

    /**
     * Runs one change of the index at a time: a batch of this instance's projection, from its reads to its index
     * taking its writes, or a read of other instances' writes. So a batch judges stories by what the ones before it
     * left, and a row read before this instance's write of it committed is not applied after that write.
     */
    public Uni<Void> inTurn(Supplier<Uni<? extends Void>> work) {
        return vertx.sharedData().getLocalLockWithTimeout(TURN, TURN_TIMEOUT.toMillis())
                .chain(lock -> Uni.createFrom().<Void>deferred(work).eventually(lock::release));
    }

    /** Reads the announced articles again, one query at a time; while everything is read they wait for it. */
    private void readChanged() {
        if (loading || toRead.isEmpty() || !reading.compareAndSet(false, true)) {
            return;
        }
        List<String> batch = toRead.stream().limit(PAGE).toList();
        batch.forEach(toRead::remove);
        // in turn with this instance's writes: a row read before one of them commits must not be applied after it
        inTurn(() -> database.preparedQuery(OF_IDS).execute(Tuple.of(batch.toArray(String[]::new)))
                .emitOn(Infrastructure.getDefaultWorkerPool()).invoke(rows -> {
            List<ArticleSummary> found = summaries(rows);
            Set<String> gone = new HashSet<>(batch);
            found.forEach(article -> gone.remove(article.id()));
            List<Instant> places = new ArrayList<>();
            for (String id : batch) {
                ArticleSummary held = index.get(id);
                if (held != null) {
                    places.add(held.publishedAt());
                }
            }
            found.forEach(article -> places.add(article.publishedAt()));
            index.apply(found, gone);
            changedElsewhere.fire(new ChangedElsewhere(places));
        }).replaceWithVoid()).subscribe().with(read -> {
            reading.set(false);
            readChanged();
        }, failure -> {
            LOG.warnf("Reading changed articles failed (%s); reading them again", failure.getMessage());
            toRead.addAll(batch);
            reading.set(false);
            vertx.setTimer(RECONNECT_DELAY.toMillis(), timer -> readChanged());
        });
    }

    /** The rows' articles, analysed side by side. */
    private List<ArticleSummary> summaries(RowSet<Row> rows) {
        List<Article> read = new ArrayList<>(rows.size());
        for (Row row : rows) {
            read.add(Article.of(row));
        }
        return ArticleSummary.of(read, analyzer);
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.closeAndForget();
    }
}
