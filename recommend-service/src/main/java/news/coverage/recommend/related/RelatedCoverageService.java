package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TermVector;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;
import java.util.Set;

/** Answers related-coverage queries: candidates from the read model, scored and diversified by the ranker. */
@ApplicationScoped
public class RelatedCoverageService {

    private final CandidateSearch search;
    private final RelatedRanker ranker;
    private final TextAnalyzer analyzer;
    private final RankingConfig config;

    public RelatedCoverageService(CandidateSearch search, RelatedRanker ranker, TextAnalyzer analyzer,
            RankingConfig config) {
        this.search = search;
        this.ranker = ranker;
        this.analyzer = analyzer;
        this.config = config;
    }

    /** Related coverage of an article of the read model; 404 if there is none with this id. */
    public Uni<RelatedCoverage> relatedTo(String articleId, RelatedQuery.Options options) {
        return Article.<Article>findById(articleId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no article has the id " + articleId))
                .chain(article -> answer(new RelatedQuery(article.id,
                        new TermVector(article.terms, article.termWeights),
                        Set.copyOf(article.topics), article.providerDomain, article.publishedAt,
                        Set.copyOf(article.linkedIds), options)));
    }

    /** Related coverage of an item that is not in the catalog, such as a draft. */
    public Uni<RelatedCoverage> relatedToDraft(String title, String text, Set<String> topics, String providerDomain,
            Instant at, RelatedQuery.Options options) {
        return answer(new RelatedQuery(null, analyzer.analyze(title, text), topics, providerDomain, at, Set.of(),
                options));
    }

    private Uni<RelatedCoverage> answer(RelatedQuery query) {
        boolean withLinks = config.weights().editorial() != 0;
        return Uni.combine().all()
                .unis(search.candidates(query, withLinks), search.topicWeights(query.topics()))
                .with((candidates, topicWeights) -> new RelatedCoverage(query.articleId(),
                        ranker.rank(query, candidates.found(), topicWeights, candidates.queryNorm())));
    }
}
