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
     * @param subject      closeness when both headlines lead with a name in common ({@link
     *                     Headlines.Headline#subjects}), else 0: the same company's move on the same days
     * @param names        share of the names either mentions that both mention, by inverse document frequency
     */
    public record Features(double text, double topics, double closeness, double sameProvider, double editorial,
            double headline, double subject, double names) {
    }

    private final SameStoryConfig config;

    public SameStoryModel(SameStoryConfig config) {
        this.config = config;
    }

    /**
     * @param pair     the signals of the pair measured on the articles' vectors
     * @param topics   share of the query's topic weight the item carries
     * @param headline share of the shorter headline's content words the other headline has
     */
    public Features features(Candidate pair, double topics, Duration apart, boolean sameProvider, double headline) {
        double scaled = (double) apart.toSeconds() / config.timeScale().toSeconds();
        double closeness = Math.exp(-0.5 * scaled * scaled);
        return new Features(pair.textSimilarity(), topics, closeness, sameProvider ? 1 : 0, pair.linked() ? 1 : 0,
                headline, pair.sameSubject() ? closeness : 0, pair.sharedNames());
    }

    public double probability(Features features) {
        var weights = config.weights();
        double sum = config.bias() + weights.text() * features.text() + weights.topics() * features.topics()
                + weights.closeness() * features.closeness() + weights.sameProvider() * features.sameProvider()
                + weights.editorial() * features.editorial() + weights.headline() * features.headline()
                + weights.subject() * features.subject() + weights.names() * features.names();
        return 1 / (1 + Math.exp(-sum));
    }

    public boolean isSameStory(double probability) {
        return probability >= config.threshold();
    }
}
