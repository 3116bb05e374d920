package news.coverage.recommend.story;

import news.coverage.recommend.related.ArticleSummary;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Which story an article joins: the story, among those given, with which it is on average most likely the same story
 * (the mean of its same-story probabilities with the members given, as the box's model gives them: those of the
 * window before it), if that mean reaches the threshold and a member was published within the window of it; else it
 * founds a story of its own, named by its id. An average over the members cannot chain the way single links do: one
 * article that bridges two events does not pull their stories together.
 */
public final class StoryAssignment {

    private final double threshold;
    private final Duration window;

    public StoryAssignment(double threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    public StoryAssignment(StoryConfig config) {
        this(config.probability(), config.window());
    }

    public Duration window() {
        return window;
    }

    /**
     * The story of the article.
     *
     * @param stories   the candidate stories by id, each with its members (the article itself is left out of them)
     * @param sameStory the probability that the article and a member report the same story
     */
    public String choose(ArticleSummary article, Map<String, ? extends Collection<ArticleSummary>> stories,
            ToDoubleFunction<ArticleSummary> sameStory) {
        String best = null;
        double bestMean = 0;
        for (var story : stories.entrySet()) {
            List<ArticleSummary> members = story.getValue().stream()
                    .filter(member -> !member.id().equals(article.id())).toList();
            if (members.stream().noneMatch(member -> near(article, member))) {
                continue;
            }
            double mean = members.stream().mapToDouble(sameStory).average().orElse(0);
            boolean better = best == null || mean > bestMean || mean == bestMean && story.getKey().compareTo(best) < 0;
            if (mean >= threshold && better) {
                best = story.getKey();
                bestMean = mean;
            }
        }
        return best != null ? best : article.id();
    }

    private boolean near(ArticleSummary article, ArticleSummary member) {
        return Duration.between(article.publishedAt(), member.publishedAt()).abs().compareTo(window) <= 0;
    }
}
