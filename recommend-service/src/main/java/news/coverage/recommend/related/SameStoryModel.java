package news.coverage.recommend.related;

import java.time.Duration;

/** How likely a related item reports the same story as the query, from the signals the ranker measured. */
public final class SameStoryModel {

    /**
     * The features of a pair, each 0 to 1.
     *
     * @param text         cosine similarity of title and excerpt
     * @param topics       share of the query's topic weight the item carries
     * @param closeness    {@code exp(−½ (Δt / time-scale)²)}
     * @param sameProvider 1 when both come from one outlet
     * @param editorial    1 when either lists the other as related
     * @param headline     share of the shorter headline's content words the other headline has
     * @param subject      1 when both headlines have the same subject ({@link Headlines.Headline#subject})
     */
    public record Features(double text, double topics, double closeness, double sameProvider, double editorial,
            double headline, double subject) {
    }

    private final SameStoryConfig config;

    public SameStoryModel(SameStoryConfig config) {
        this.config = config;
    }

    public Features features(double text, double topics, Duration apart, boolean sameProvider, boolean linked,
            Headlines.Headline headline, Headlines.Headline otherHeadline) {
        double scaled = (double) apart.toSeconds() / config.timeScale().toSeconds();
        return new Features(text, topics, Math.exp(-0.5 * scaled * scaled), sameProvider ? 1 : 0, linked ? 1 : 0,
                headline.overlap(otherHeadline), headline.sameSubject(otherHeadline));
    }

    public double probability(Features features) {
        var weights = config.weights();
        double sum = config.bias() + weights.text() * features.text() + weights.topics() * features.topics()
                + weights.closeness() * features.closeness() + weights.sameProvider() * features.sameProvider()
                + weights.editorial() * features.editorial() + weights.headline() * features.headline()
                + weights.subject() * features.subject();
        return 1 / (1 + Math.exp(-sum));
    }

    public boolean isSameStory(double probability) {
        return probability >= config.threshold();
    }
}
