package news.coverage.catalog.article;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ArticleRepository implements ReactivePanacheMongoRepositoryBase<ArticleDocument, String> {
}
