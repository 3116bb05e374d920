package news.coverage.recommend.related;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index holds every article of the read model: before that, answers would miss articles. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final ReadModelFeed feed;
    private final ArticleIndex index;

    public IndexReadiness(ReadModelFeed feed, ArticleIndex index) {
        this.feed = feed;
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("article index").status(feed.isLoaded()).withData("articles", index.size())
                .build();
    }
}
