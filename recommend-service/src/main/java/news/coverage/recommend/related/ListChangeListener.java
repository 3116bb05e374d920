package news.coverage.recommend.related;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Keeps {@link NeighbourListCache} current by listening, on a connection of its own, to the {@code related_lists}
 * channel on which PostgreSQL announces at commit which articles' rows or kept lists changed (any instance's writes,
 * or anyone's). While the connection is down changes go unheard, so the cache stops holding lists when it drops and
 * starts again from nothing once it listens again.
 */
@ApplicationScoped
public class ListChangeListener {

    private static final Logger LOG = Logger.getLogger(ListChangeListener.class);
    static final String CHANNEL = "related_lists";
    /** The payload that means "anything may have changed" (the tables were truncated). */
    private static final String EVERYTHING = "*";
    private static final String ARTICLES = "articles:";
    private static final String LISTS = "lists:";
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final NeighbourListCache cache;
    private final PgSubscriber subscriber;
    private final Vertx vertx;

    public ListChangeListener(NeighbourListCache cache, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.cache = cache;
        this.vertx = vertx;
        this.subscriber = PgSubscriber.subscriber(vertx,
                PgConnectOptions.fromUri(url).setUser(user).setPassword(password));
    }

    void listen(@Observes StartupEvent started) {
        subscriber.reconnectPolicy(attempt -> {
            if (attempt == 0) {
                LOG.warn("Lost the connection that hears list changes; answers read the database until it is back");
                cache.stopHolding();
            }
            return RECONNECT_DELAY.toMillis();
        });
        subscriber.channel(CHANNEL)
                .subscribeHandler(cache::hold)
                .handler(this::changed);
        connect();
    }

    /** Connects, retrying until the database answers: until then answers read it directly. */
    private void connect() {
        subscriber.connect().subscribe().with(connected -> LOG.info("Listening to list changes"), failure -> {
            LOG.warnf("Cannot listen to list changes yet (%s); retrying", failure.getMessage());
            // a failed first connect leaves the subscriber neither open nor closed; closing lets it connect again
            subscriber.close().subscribe().with(
                    closed -> vertx.setTimer(RECONNECT_DELAY.toMillis(), timer -> connect()));
        });
    }

    /** A notice of {@code V4__list_change_notices.sql}. */
    private void changed(String payload) {
        if (payload.startsWith(ARTICLES)) {
            cache.forget(ids(payload, ARTICLES), true);
        } else if (payload.startsWith(LISTS)) {
            cache.forget(ids(payload, LISTS), false);
        } else {
            if (!EVERYTHING.equals(payload)) {
                LOG.warnf("Unknown change notice %s; everything is read again", payload);
            }
            cache.hold();
        }
    }

    private static List<String> ids(String payload, String kind) {
        return List.of(payload.substring(kind.length()).split(","));
    }

    void stop(@Observes ShutdownEvent stopping) {
        subscriber.closeAndForget();
    }
}
