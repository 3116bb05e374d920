package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import news.coverage.article.CanonicalUrl;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;
import java.util.Set;

/**
 * Answers related-coverage queries from the {@link ArticleIndex} held in memory: the candidates of the query's window
 * retrieved by the index, scored by the ranker with the current statistics, the box kept diverse.
 */
@ApplicationScoped
public class RelatedCoverageService {

    private final ArticleIndex index;
    private final ReadModelFeed feed;
    private final RelatedRanker ranker;
    private final TextAnalyzer analyzer;
    private final RankingConfig config;

    public RelatedCoverageService(ArticleIndex index, ReadModelFeed feed, RelatedRanker ranker, TextAnalyzer analyzer,
            RankingConfig config) {
        this.index = index;
        this.feed = feed;
        this.ranker = ranker;
        this.analyzer = analyzer;
        this.config = config;
    }

    /** Related coverage of an article of the read model; 404 if there is none with this id. */
    public Uni<RelatedCoverage> relatedTo(String articleId, RelatedQuery.Options options) {
        if (!CanonicalUrl.isArticleId(articleId)) {
            return Uni.createFrom().failure(unknown(articleId));
        }
        return feed.loaded().map(loaded -> {
            ArticleSummary article = index.get(articleId);
            if (article == null) {
                throw unknown(articleId);
            }
            return answer(RelatedQuery.of(article, options));
        });
    }

    /** Related coverage of an item that is not in the catalog, such as a draft. */
    public Uni<RelatedCoverage> relatedToDraft(String title, String text, Set<String> topics, String providerDomain,
            Instant at, RelatedQuery.Options options) {
        RelatedQuery query = new RelatedQuery(null, Headlines.Headline.of(title, text), analyzer.analyze(title, text), topics,
                providerDomain, at, Set.of(), options);
        return feed.loaded().map(loaded -> answer(query));
    }

    private RelatedCoverage answer(RelatedQuery query) {
        var candidates = index.candidates(query, config.candidates(), config.weights().editorial() != 0);
        return RelatedCoverage.of(query.articleId(), ranker.rank(query, candidates, index.statistics()::topicWeight));
    }

    private static NotFoundException unknown(String articleId) {
        return new NotFoundException("no article has the id " + articleId);
    }
}
