package news.coverage.deploy.chaos;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecommendSnapshotTest {

    @Test
    void storiesAreTheSameWhenTheyHoldTheSameArticlesWhoeverFoundedThem() {
        RecommendSnapshot faulty = stories(Map.of("a", "a", "b", "a", "c", "c"));
        RecommendSnapshot clean = stories(Map.of("a", "b", "b", "b", "c", "c"));

        assertEquals(Set.of(), faulty.storiesDifferingFrom(clean));
    }

    @Test
    void anArticleInAnotherStoryChangesItsOwnStoryAndThoseItLeftAndJoined() {
        RecommendSnapshot faulty = stories(Map.of("a", "a", "b", "a", "c", "c", "d", "d"));
        RecommendSnapshot clean = stories(Map.of("a", "a", "b", "c", "c", "c", "d", "d"));

        assertEquals(Set.of("a", "b", "c"), faulty.storiesDifferingFrom(clean));
        assertEquals(3, faulty.stories());
    }

    @Test
    void anArticleOnlyOneRunHoldsDiffers() {
        RecommendSnapshot faulty = stories(Map.of("a", "a"));
        RecommendSnapshot clean = stories(Map.of("a", "a", "b", "b"));

        assertEquals(Set.of("b"), faulty.storiesDifferingFrom(clean));
        assertEquals(Set.of("b"), clean.storiesDifferingFrom(faulty));
    }

    @Test
    void answersDifferByTheirBodies() {
        RecommendSnapshot faulty = new RecommendSnapshot(Map.of("a", "{\"items\":[1]}", "b", "{\"items\":[]}"),
                Map.of(), Map.of());
        RecommendSnapshot clean = new RecommendSnapshot(Map.of("a", "{\"items\":[1]}", "b", "{\"items\":[2]}",
                "c", "{}"), Map.of(), Map.of());

        assertEquals(Set.of("b", "c"), faulty.answersDifferingFrom(clean));
    }

    private static RecommendSnapshot stories(Map<String, String> storyOf) {
        return new RecommendSnapshot(Map.of(), storyOf, Map.of());
    }
}
