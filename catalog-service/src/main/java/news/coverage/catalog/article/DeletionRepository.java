package news.coverage.catalog.article;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeletionRepository implements ReactivePanacheMongoRepositoryBase<DeletionMark, String> {
}
