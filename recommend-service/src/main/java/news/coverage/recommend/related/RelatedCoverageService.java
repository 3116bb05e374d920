package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import news.coverage.recommend.article.Article;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks related coverage: topic overlap narrows the candidates to those sharing a topic within the time window;
 * the share of the article's topics they carry and their closeness in time order them.
 */
@ApplicationScoped
public class RelatedCoverageService {

    private static final double TOPIC_WEIGHT = 0.7;
    private static final double TIME_WEIGHT = 0.3;

    public Uni<RelatedCoverage> relatedTo(String articleId, int limit, Duration window) {
        return Article.<Article>findById(articleId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no article has the id " + articleId))
                .chain(article -> Article.<Article>find("""
                        select distinct a from Article a join a.topics t
                        where t in ?1 and a.id <> ?2 and a.publishedAt between ?3 and ?4""",
                        article.topics, article.id, article.publishedAt.minus(window), article.publishedAt.plus(window))
                        .list()
                        .map(candidates -> new RelatedCoverage(article.id, candidates.stream()
                                .map(candidate -> score(article, candidate, window))
                                .sorted(Comparator.comparingDouble(RelatedItem::score).reversed()
                                        .thenComparing(RelatedItem::id))
                                .limit(limit)
                                .toList())));
    }

    private static RelatedItem score(Article article, Article candidate, Duration window) {
        List<String> shared = candidate.topics.stream().filter(article.topics::contains).sorted().toList();
        double topicOverlap = (double) shared.size() / article.topics.size();
        Duration apart = Duration.between(article.publishedAt, candidate.publishedAt).abs();
        double closeness = 1.0 - (double) apart.toMinutes() / Math.max(1, window.toMinutes());
        double score = TOPIC_WEIGHT * topicOverlap + TIME_WEIGHT * closeness;
        var reasons = new Reasons(shared, article.providerDomain.equals(candidate.providerDomain),
                apart.toMinutes() / 60.0);
        return new RelatedItem(candidate.id, candidate.title, candidate.url,
                new RelatedItem.Provider(candidate.providerName, candidate.providerDomain), candidate.publishedAt,
                Math.round(score * 1000) / 1000.0, reasons);
    }
}
