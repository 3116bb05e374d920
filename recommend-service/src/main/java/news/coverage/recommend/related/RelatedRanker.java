package news.coverage.recommend.related;

import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.Provider;

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

    /**
     * The box's items first, then the rest: each part by score, ties by id. Written out rather than chained
     * ({@code Comparator.comparing(...).thenComparing}): the chain's shared lambdas are not inlined, and its sort took
     * a fifth of an answer's processor time (a profile of the benchmark's reads).
     */
    private static final Comparator<Scored> BOX_FIRST_THEN_SCORE = (one, other) -> {
        if (one.sameStory() != other.sameStory()) {
            return one.sameStory() ? -1 : 1;
        }
        int byScore = Double.compare(other.score(), one.score());
        return byScore != 0 ? byScore : one.candidate().article().id().compareTo(other.candidate().article().id());
    };

    /** A candidate with its score and same-story probability, both rounded as the answer shows them. */
    private record Scored(Candidate candidate, SameStoryModel.Features features, double score, double probability,
            boolean sameStory) {
    }

    /**
     * The answer: the candidates the query's options admit ({@link RelatedQuery#admits}), scored, the box's items
     * (same story) first, then the others, each part best first, at most {@code perProvider} of one provider.
     *
     * @param topicWeights the IDF weight of each topic
     */
    public List<RelatedItem> rank(RelatedQuery query, List<Candidate> candidates,
            ToDoubleFunction<String> topicWeights) {
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            if (query.admits(candidate.article())) {
                scored.add(score(query, candidate, topicWeights));
            }
        }
        scored.sort(BOX_FIRST_THEN_SCORE);
        // the items and their reasons are made for the chosen few only
        return diverse(scored, query.options().limit()).stream()
                .map(chosen -> item(query, chosen, topicWeights)).toList();
    }

    private Scored score(RelatedQuery query, Candidate candidate, ToDoubleFunction<String> topicWeights) {
        var weights = config.weights();
        ArticleSummary article = candidate.article();
        SameStoryModel.Features features = features(query, candidate, topicWeights);
        Duration apart = Duration.between(query.publishedAt(), article.publishedAt()).abs();
        double closeness = Math.exp(-(double) apart.toSeconds() / config.timeScale().toSeconds());
        double quality = article.quality() == null ? 0
                : Math.max(0, Math.min(QUALITY_CEILING, article.quality())) / QUALITY_CEILING;
        boolean sameProvider = features.sameProvider() == 1;
        double relevance = weights.text() * candidate.textSimilarity() + weights.topics() * features.topics()
                + weights.editorial() * (candidate.linked() ? 1 : 0);
        double score = relevance * closeness * (1 + weights.quality() * quality)
                * (1 + weights.sameProvider() * (sameProvider ? 1 : 0));
        double probability = round(sameStory.probability(features));
        return new Scored(candidate, features, round(score), probability, sameStory.isSameStory(probability));
    }

    private static RelatedItem item(RelatedQuery query, Scored scored, ToDoubleFunction<String> topicWeights) {
        ArticleSummary article = scored.candidate().article();
        List<Reasons.WeightedTopic> shared = article.topics().stream()
                .filter(query.topics()::contains).sorted()
                .map(topic -> new Reasons.WeightedTopic(topic, round(topicWeights.applyAsDouble(topic))))
                .toList();
        Duration apart = Duration.between(query.publishedAt(), article.publishedAt()).abs();
        return new RelatedItem(article.id(), article.title(), article.url(),
                new Provider(article.providerName(), article.providerDomain()),
                article.publishedAt(), article.quality(), article.type(), article.imageUrl(), scored.score(),
                scored.probability(), scored.sameStory(),
                new Reasons(round(scored.candidate().textSimilarity()), shared, scored.features().sameProvider() == 1,
                        Math.round(apart.toMinutes() / 6.0) / 10.0, scored.candidate().linked(), scored.features()));
    }

    /** The probability that the candidate reports the query's story, as {@link #score} gives it with the item. */
    public double sameStoryProbability(RelatedQuery query, Candidate candidate,
            ToDoubleFunction<String> topicWeights) {
        return sameStory.probability(features(query, candidate, topicWeights));
    }

    private SameStoryModel.Features features(RelatedQuery query, Candidate candidate,
            ToDoubleFunction<String> topicWeights) {
        ArticleSummary article = candidate.article();
        return sameStory.features(candidate, topicShare(query, article, topicWeights),
                Duration.between(query.publishedAt(), article.publishedAt()).abs(),
                article.providerDomain().equals(query.providerDomain()),
                query.headline().overlap(article.headline()));
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

    /** The best in order, at most {@code perProvider} of any one provider. */
    private List<Scored> diverse(List<Scored> ranked, int limit) {
        Map<String, Integer> perProvider = new HashMap<>();
        List<Scored> chosen = new ArrayList<>(limit);
        for (Scored scored : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (scored.score() > 0 && perProvider.merge(scored.candidate().article().providerDomain(), 1,
                    Integer::sum) <= config.perProvider()) {
                chosen.add(scored);
            }
        }
        return chosen;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
