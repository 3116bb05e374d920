package news.coverage.recommend.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * When an arriving article reports the same event as one already grouped into a story. On the judged AI-news data
 * ({@code deploy/evaluate}), 0.15 within a day: 89% of the judged pairs that share a story are graded same-story, and
 * 69% of the same-story pairs share one (0.12: 76% and 80%; 0.18: 93% and 53%). A story errs towards splitting.
 */
@ConfigMapping(prefix = "stories")
public interface StoryConfig {

    /** The least text similarity (TF-IDF cosine of title and excerpt, 0 to 1) to an article of the story. */
    @WithDefault("0.15")
    double similarity();

    /** How far apart in time the two articles may be. */
    @WithDefault("PT24H")
    Duration window();
}
