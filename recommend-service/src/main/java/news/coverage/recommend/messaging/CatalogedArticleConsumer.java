package news.coverage.recommend.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.ArticleProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Projects {@code articles.cataloged} into the read model a polled batch at a time: one transaction of bulk
 * statements per batch, the last record of an id winning, a tombstone (null value) deleting the article. The batch is
 * acknowledged, and its offsets committed, after the transaction committed and the dead letters were sent. A record
 * that cannot be read goes to the dead-letter topic with the reason; a database outage is retried with back-off, the
 * whole batch again, which changes nothing twice (a version already applied is skipped).
 */
@ApplicationScoped
public class CatalogedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogedArticleConsumer.class);
    /** The freshness of the read model in this instance, a histogram (buckets, and one at the target of 1 s). */
    private static final String FRESHNESS = "recommend.freshness";
    private static final Duration OUTAGE_BACKOFF_FIRST = Duration.ofMillis(200);
    private static final Duration OUTAGE_BACKOFF_MAX = Duration.ofSeconds(10);
    /** SQLSTATE classes of refusals that will not pass with time: data exceptions, integrity, syntax or access. */
    private static final Set<String> PERMANENT_SQL_STATES = Set.of("22", "23", "42");

    private final ObjectMapper json;
    private final ArticleProjection projection;
    private final DeadLetters deadLetters;
    private final Timer freshness;

    public CatalogedArticleConsumer(ObjectMapper json, ArticleProjection projection, DeadLetters deadLetters,
            MeterRegistry registry) {
        this.json = json;
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.freshness = Timer.builder(FRESHNESS)
                .description("From a record's broker timestamp until this instance answers with its article")
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofSeconds(1))
                .register(registry);
    }

    @Incoming("articles-cataloged")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Map<String, CatalogedArticle> puts = new LinkedHashMap<>();
        Set<String> deletes = new LinkedHashSet<>();
        Map<ConsumerRecord<String, String>, String> rejected = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                puts.remove(record.key());
                deletes.add(record.key());
                continue;
            }
            try {
                CatalogedArticle article = json.readValue(record.value(), CatalogedArticle.class);
                String problem = article.problem(record.key());
                if (problem != null) {
                    rejected.put(record, problem);
                } else {
                    deletes.remove(article.id());
                    puts.put(article.id(), article);
                }
            } catch (Exception e) {
                rejected.put(record, "not a cataloged article: " + e.getMessage());
            }
        }
        return retryOutages(records.count(), () -> projection.apply(puts.values(), deletes))
                // a statement the database refuses for good fails the batch: then each article alone, so that only
                // the one it refuses is dead-lettered
                .onFailure().recoverWithUni(refused -> {
                    LOG.warnf("the read model refused a batch of %d (%s); projecting its articles one by one",
                            records.count(), refused.getMessage());
                    Map<String, ConsumerRecord<String, String>> byKey = new LinkedHashMap<>();
                    records.forEach(record -> byKey.put(record.key(), record));
                    return oneByOne(puts.values(), deletes, byKey, rejected);
                })
                .invoke(() -> {
                    // the index took the batch: its articles are answered, and found by their neighbours' answers
                    long now = System.currentTimeMillis();
                    for (ConsumerRecord<String, String> record : records) {
                        if (!rejected.containsKey(record)) {
                            freshness.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
                        }
                    }
                })
                .chain(() -> {
                    List<Uni<Void>> sends = new ArrayList<>();
                    rejected.forEach((record, reason) -> sends.add(deadLetters.send(record, reason)));
                    return sends.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.join().all(sends).andFailFast().replaceWithVoid();
                });
    }

    private Uni<Void> oneByOne(Collection<CatalogedArticle> puts, Set<String> deletes,
            Map<String, ConsumerRecord<String, String>> byKey, Map<ConsumerRecord<String, String>, String> rejected) {
        Uni<Void> done = retryOutages(deletes.size(), () -> projection.apply(List.of(), deletes));
        for (CatalogedArticle article : puts) {
            done = done.chain(() -> retryOutages(1, () -> projection.apply(List.of(article), Set.of()))
                    .onFailure().recoverWithItem(refused -> {
                        rejected.put(byKey.get(article.id()), "refused by the read model: " + refused.getMessage());
                        return null;
                    }));
        }
        return done;
    }

    private static Uni<Void> retryOutages(int records, Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().<Void>deferred(work)
                .onFailure(CatalogedArticleConsumer::isOutage).invoke(failure -> LOG.warnf(
                        "cannot project %d records yet, retrying: %s", records, failure.getMessage()))
                .onFailure(CatalogedArticleConsumer::isOutage).retry()
                .withBackOff(OUTAGE_BACKOFF_FIRST, OUTAGE_BACKOFF_MAX).indefinitely();
    }

    /** Whether a failure passes with time (the database is away); anything else is a defect that stops the channel. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                return false;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2
                    && PERMANENT_SQL_STATES.contains(pg.getSqlState().substring(0, 2))) {
                return false;
            }
        }
        return true;
    }
}
