package news.coverage.deploy.stack;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The embedded servers log every step at INFO; only their warnings are worth reading beside a service's log. */
final class Logging {

    // java.util.logging keeps loggers weakly: hold them so that the levels stay set
    private static final List<Logger> QUIETED = List.of("kafka", "org.apache.kafka", "state.change.logger",
            "io.zonky.test.db.postgres", "de.bwaldvogel.mongo", "org.gaul", "org.eclipse.jetty", "org.jclouds", "jclouds")
            .stream().map(Logger::getLogger).toList();

    private Logging() {
    }

    static void quiet() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
