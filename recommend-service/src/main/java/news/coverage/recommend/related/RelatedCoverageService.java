package news.coverage.recommend.related;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import news.coverage.article.CanonicalUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Answers related-coverage queries. An article's answer comes from its kept neighbours ({@link NeighbourListCache}) when
 * they can give it; otherwise, and for drafts, candidates are searched in the read model. Either way the ranker scores
 * them with the current statistics and keeps the box diverse.
 */
@ApplicationScoped
public class RelatedCoverageService {

    private final NeighbourListCache neighbours;
    private final CandidateSearch search;
    private final TopicWeights topicWeights;
    private final RelatedRanker ranker;
    private final TextAnalyzer analyzer;
    private final RankingConfig config;
    /**
     * How many answers came from kept lists held in memory, from kept lists read from the database, and from a search:
     * what the kept lists and holding them save.
     */
    private final Counter answeredFromHeld;
    private final Counter answeredFromKept;
    private final Counter answeredBySearch;

    public RelatedCoverageService(NeighbourListCache neighbours, CandidateSearch search, TopicWeights topicWeights,
            RelatedRanker ranker, TextAnalyzer analyzer, RankingConfig config, MeterRegistry registry) {
        this.neighbours = neighbours;
        this.search = search;
        this.topicWeights = topicWeights;
        this.ranker = ranker;
        this.config = config;
        this.analyzer = analyzer;
        this.answeredFromHeld = answers(registry, "held");
        this.answeredFromKept = answers(registry, "kept");
        this.answeredBySearch = answers(registry, "search");
    }

    private static Counter answers(MeterRegistry registry, String source) {
        return Counter.builder("related.answers").description("Answers of GET /related/{id}, by where they came from")
                .tag("source", source).register(registry);
    }

    /** Related coverage of an article of the read model; 404 if there is none with this id. */
    public Uni<RelatedCoverage> relatedTo(String articleId, RelatedQuery.Options options) {
        if (!CanonicalUrl.isArticleId(articleId)) {
            return Uni.createFrom().failure(unknown(articleId));
        }
        return neighbours.of(articleId, options)
                .onItem().ifNull().failWith(() -> unknown(articleId))
                .chain(kept -> {
                    if (!kept.computed() || options.window().compareTo(config.neighbours().window()) > 0) {
                        return searched(articleId, options);
                    }
                    return topicWeights.all().chain(weights -> {
                        List<RelatedItem> ranked = ranker.rank(kept.query(), kept.candidates(), weights);
                        if (ranked.size() < options.limit() && mayHaveDropped(kept, options)) {
                            return searched(articleId, options);
                        }
                        (kept.held() ? answeredFromHeld : answeredFromKept).increment();
                        return Uni.createFrom().item(RelatedCoverage.of(articleId, ranked));
                    });
                });
    }

    /** Whether the list may have dropped items that a short answer would show: for its length, or its provider bound. */
    private boolean mayHaveDropped(NeighbourListCache.Kept kept, RelatedQuery.Options options) {
        boolean providerBoundBinds = options.providers() == RelatedQuery.ProviderFilter.SAME
                || config.perProvider() > config.neighbours().perProvider();
        return kept.truncated() || kept.capped() && providerBoundBinds;
    }

    /** Related coverage of an item that is not in the catalog, such as a draft. */
    public Uni<RelatedCoverage> relatedToDraft(String title, String text, Set<String> topics, String providerDomain,
            Instant at, RelatedQuery.Options options) {
        return answer(new RelatedQuery(null, Headlines.Headline.of(title), analyzer.analyze(title, text), topics,
                providerDomain, at, Set.of(), options));
    }

    private static NotFoundException unknown(String articleId) {
        return new NotFoundException("no article has the id " + articleId);
    }

    private Uni<RelatedCoverage> searched(String articleId, RelatedQuery.Options options) {
        answeredBySearch.increment();
        return Panache.withSession(() -> Article.<Article>findById(articleId))
                .onItem().ifNull().failWith(() -> unknown(articleId))
                .chain(article -> answer(RelatedQuery.of(article, options)));
    }

    private Uni<RelatedCoverage> answer(RelatedQuery query) {
        return Uni.combine().all()
                .unis(search.candidates(query, config.weights().editorial() != 0), topicWeights.all())
                .with((candidates, weights) -> RelatedCoverage.of(query.articleId(),
                        ranker.rank(query, candidates, weights)));
    }
}
