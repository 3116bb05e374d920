package news.coverage.recommend.story;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** When an arriving article joins a story ({@link StoryAssignment}); figures in the service README. */
@ConfigMapping(prefix = "stories")
public interface StoryConfig {

    /** The least mean same-story probability with the story's articles (see {@code related.same-story}). */
    @WithDefault("0.4")
    double probability();

    /** How far in time from the nearest of the story's articles. */
    @WithDefault("PT24H")
    Duration window();

    /** How many of the most text-similar articles of the window name the stories it may join. */
    @WithDefault("30")
    int candidates();

    /**
     * A file of the term and topic statistics stories are judged by ({@code ReferenceStatistics}, written by
     * {@code deploy/reference-statistics}); without it, the packaged ones.
     */
    Optional<String> reference();
}
