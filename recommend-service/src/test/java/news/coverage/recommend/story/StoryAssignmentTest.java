package news.coverage.recommend.story;

import news.coverage.recommend.related.ArticleSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static news.coverage.recommend.related.Summaries.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StoryAssignmentTest {

    private final StoryAssignment assignment = new StoryAssignment(0.5, Duration.ofHours(24));
    private final ArticleSummary arriving = summary("n", "IBM exits facial recognition market", "2020-06-09T18:00:00Z",
            "c.example");

    private static ArticleSummary member(String id, String publishedAt, String story) {
        return summary(id, "headline " + id, publishedAt, "a.example").inStory(story);
    }

    /** The same-story probability of the arriving article with each member, by the member's id. */
    private static ToDoubleFunction<ArticleSummary> probabilities(Map<String, Double> byMember) {
        return member -> byMember.getOrDefault(member.id(), 0.0);
    }

    @Test
    void anArticleJoinsTheStoryItIsOnAverageMostLikelyTheSameStoryAs() {
        var stories = Map.of(
                "ibm", List.of(member("i1", "2020-06-09T10:00:00Z", "ibm"), member("i2", "2020-06-09T12:00:00Z", "ibm")),
                "amazon", List.of(member("a1", "2020-06-09T20:00:00Z", "amazon")));

        assertEquals("ibm", assignment.choose(arriving, stories, probabilities(Map.of("i1", 0.9, "i2", 0.7,
                "a1", 0.75))));
        assertEquals("amazon", assignment.choose(arriving, stories, probabilities(Map.of("i1", 0.9, "i2", 0.5,
                "a1", 0.75))));
    }

    @Test
    void oneBridgingMemberDoesNotPullItIn() {
        // single links would chain through the round-up r; its story's other members are about something else
        var stories = Map.of("ibm", List.of(member("i1", "2020-06-09T10:00:00Z", "ibm"),
                member("i2", "2020-06-09T11:00:00Z", "ibm"), member("r", "2020-06-09T12:00:00Z", "ibm")));

        assertEquals("n", assignment.choose(arriving, stories, probabilities(Map.of("r", 0.95, "i1", 0.2, "i2", 0.2))));
    }

    @Test
    void belowTheThresholdOrOutsideTheWindowItFoundsItsOwn() {
        var near = Map.of("ibm", List.of(member("i1", "2020-06-09T10:00:00Z", "ibm")));
        var daysBefore = Map.of("ibm", List.of(member("i1", "2020-06-06T10:00:00Z", "ibm")));

        assertEquals("n", assignment.choose(arriving, near, probabilities(Map.of("i1", 0.49))));
        assertEquals("ibm", assignment.choose(arriving, near, probabilities(Map.of("i1", 0.5))));
        assertEquals("n", assignment.choose(arriving, daysBefore, probabilities(Map.of("i1", 0.99))));
    }

    @Test
    void itsOwnOlderVersionIsNotCountedAsAMemberAndTiesGoToTheFirstId() {
        var ownStory = Map.of("n", List.of(arriving.inStory("n"), member("x", "2020-06-09T17:00:00Z", "n")));
        assertEquals("n", assignment.choose(arriving, ownStory, probabilities(Map.of("n", 1.0, "x", 0.1))));

        var tied = Map.of("b", List.of(member("b1", "2020-06-09T10:00:00Z", "b")),
                "a", List.of(member("a1", "2020-06-09T10:00:00Z", "a")));
        assertEquals("a", assignment.choose(arriving, tied, probabilities(Map.of("a1", 0.8, "b1", 0.8))));
    }
}
