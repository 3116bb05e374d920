package news.coverage.recommend.related;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The same-story probability of a related item: {@code 1 / (1 + exp(−(bias + Σ weight·feature)))} over the features
 * of {@link SameStoryModel.Features}. The weights are learned from judged pairs by {@code deploy/evaluate} and
 * committed in application.properties, with the time scale and the threshold; the box shows the items at or above {@code threshold}.
 */
@ConfigMapping(prefix = "related.same-story")
public interface SameStoryConfig {

    double bias();

    Weights weights();

    /** The width of the Gaussian closeness in time: {@code exp(−½ (Δt / time-scale)²)}. */
    Duration timeScale();

    /** The probability from which an item is in the box ({@code sameStory}); below it, more on the topic. */
    double threshold();

    interface Weights {
        double text();

        double topics();

        double closeness();

        double sameProvider();

        double editorial();

        double headline();

        double subject();

        double names();
    }
}
