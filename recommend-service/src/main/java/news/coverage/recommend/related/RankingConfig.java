package news.coverage.recommend.related;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The weights and bounds of the related-coverage ranking (formula in the service README):
 * {@code score = (text·s + topics·t + editorial·e) × exp(−|Δt| / time-scale) × (1 + quality·q) × (1 + same-provider·p)}.
 */
@ConfigMapping(prefix = "related")
public interface RankingConfig {

    Weights weights();

    /** How fast closeness in time fades: at this distance it has dropped to 1/e. */
    @WithDefault("P3D")
    Duration timeScale();

    /** At most this many items of one provider in an answer, so the box stays diverse. */
    @WithDefault("3")
    int perProvider();

    /** How many of the most text-similar articles in the window are scored in full. */
    @WithDefault("100")
    int candidates();

    /** Terms on a larger share of all articles say nothing about the story and are left out. */
    @WithDefault("0.5")
    double commonTermShare();

    interface Weights {
        /** Cosine similarity of the TF-IDF vectors of title and excerpt, 0 to 1. */
        @WithDefault("1.0")
        double text();

        /** Share of the article's topic weight (IDF) the candidate carries, 0 to 1. */
        @WithDefault("0.05")
        double topics();

        /** 1 when either item lists the other as related. */
        @WithDefault("0.5")
        double editorial();

        /** The candidate's quality, 0 to 1 (quality 100 and above is 1). */
        @WithDefault("0.1")
        double quality();

        /** 1 when both come from the same provider; negative favours other outlets. */
        @WithDefault("-0.2")
        double sameProvider();
    }
}
