package news.coverage.recommend.related;

import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.Provider;
import news.coverage.recommend.text.TermCounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Scores candidates by the configured formula (see {@link RankingConfig}) and keeps the box diverse. */
@ApplicationScoped
public class RelatedRanker {

    private static final double QUALITY_CEILING = 100;

    private final RankingConfig config;
    private final SameStoryModel sameStory;

    public RelatedRanker(RankingConfig config, SameStoryConfig sameStory) {
        this.config = config;
        this.sameStory = new SameStoryModel(sameStory);
    }

    /** The box's items first, then the rest: each part by score. */
    private static final Comparator<RelatedItem> BOX_FIRST_THEN_SCORE = Comparator
            .comparing(RelatedItem::sameStory).reversed()
            .thenComparing(Comparator.comparingDouble(RelatedItem::score).reversed())
            .thenComparing(RelatedItem::id);

    /**
     * The answer: the candidates the query's options admit ({@link RelatedQuery#admits}), scored, the box's items
     * (same story) first, then the others, each part best first, at most {@code perProvider} of one provider.
     *
     * @param topicWeights the IDF weight of each topic
     * @param counts       the corpus's counts, which tell names from other words
     */
    public List<RelatedItem> rank(RelatedQuery query, List<Candidate> candidates,
            ToDoubleFunction<String> topicWeights, TermCounts counts) {
        List<RelatedItem> scored = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (query.admits(candidate.article())) {
                scored.add(score(query, candidate, topicWeights, counts));
            }
        }
        scored.sort(BOX_FIRST_THEN_SCORE);
        return diverse(scored, query.options().limit());
    }

    RelatedItem score(RelatedQuery query, Candidate candidate, ToDoubleFunction<String> topicWeights,
            TermCounts counts) {
        var weights = config.weights();
        ArticleSummary article = candidate.article();
        double text = candidate.textSimilarity();
        List<Reasons.WeightedTopic> shared = article.topics().stream()
                .filter(query.topics()::contains).sorted()
                .map(topic -> new Reasons.WeightedTopic(topic, round(topicWeights.applyAsDouble(topic))))
                .toList();
        SameStoryModel.Features features = features(query, candidate, topicWeights, counts);
        Duration apart = Duration.between(query.publishedAt(), article.publishedAt()).abs();
        double closeness = Math.exp(-(double) apart.toSeconds() / config.timeScale().toSeconds());
        double quality = article.quality() == null ? 0
                : Math.max(0, Math.min(QUALITY_CEILING, article.quality())) / QUALITY_CEILING;
        boolean sameProvider = features.sameProvider() == 1;
        double relevance = weights.text() * text + weights.topics() * features.topics()
                + weights.editorial() * (candidate.linked() ? 1 : 0);
        double score = relevance * closeness * (1 + weights.quality() * quality)
                * (1 + weights.sameProvider() * (sameProvider ? 1 : 0));
        double probability = round(sameStory.probability(features));
        return new RelatedItem(article.id(), article.title(), article.url(),
                new Provider(article.providerName(), article.providerDomain()),
                article.publishedAt(), article.quality(), article.type(), article.imageUrl(), round(score),
                probability, sameStory.isSameStory(probability),
                new Reasons(round(text), shared, sameProvider, Math.round(apart.toMinutes() / 6.0) / 10.0,
                        candidate.linked(), features));
    }

    /** The probability that the candidate reports the query's story, as {@link #score} gives it with the item. */
    public double sameStoryProbability(RelatedQuery query, Candidate candidate, ToDoubleFunction<String> topicWeights,
            TermCounts counts) {
        return sameStory.probability(features(query, candidate, topicWeights, counts));
    }

    private SameStoryModel.Features features(RelatedQuery query, Candidate candidate,
            ToDoubleFunction<String> topicWeights, TermCounts counts) {
        ArticleSummary article = candidate.article();
        return sameStory.features(candidate.textSimilarity(), topicShare(query, article, topicWeights),
                Duration.between(query.publishedAt(), article.publishedAt()).abs(),
                article.providerDomain().equals(query.providerDomain()), candidate.linked(), query.headline(),
                article.headline(), counts);
    }

    /**
     * The share of the query's topic weight that the article carries, 0 to 1 (summed in the query's sorted order, so
     * that every instance gets the same last digit).
     */
    private static double topicShare(RelatedQuery query, ArticleSummary article, ToDoubleFunction<String> weights) {
        double total = 0, shared = 0;
        for (String topic : query.topics()) {
            double weight = weights.applyAsDouble(topic);
            total += weight;
            if (article.topics().contains(topic)) {
                shared += weight;
            }
        }
        return total > 0 ? shared / total : 0;
    }

    /** The best items in order, at most {@code perProvider} of any one provider. */
    private List<RelatedItem> diverse(List<RelatedItem> ranked, int limit) {
        Map<String, Integer> perProvider = new HashMap<>();
        List<RelatedItem> chosen = new ArrayList<>(limit);
        for (RelatedItem item : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (item.score() > 0 && perProvider.merge(item.provider().domain(), 1, Integer::sum) <= config.perProvider()) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
