package news.coverage.catalog.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageBoxTest {

    private static final Instant PUBLISHED = Instant.parse("2020-06-09T00:55:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theBoxShowsTheSameStoryOtherOutletsFirstAndMoreOnTheTopicApart() {
        RelatedCoverage coverage = coverage(
                item("own", true, true, 0.9, "2020-06-09T01:55:00Z"),
                item("other", true, false, 0.8, "2020-06-08T22:55:00Z"),
                item("theme", false, false, 0.2, "2020-06-11T00:55:00Z"));

        CoverageBox box = CoverageBox.of(PUBLISHED, NOW.minusSeconds(3600), coverage, NOW);

        assertEquals(List.of("other", "own"), box.sameStory().stream().map(CoverageBox.Entry::id).toList());
        assertEquals(List.of("theme"), box.moreOnTopic().stream().map(CoverageBox.Entry::id).toList());
        CoverageBox.Entry other = box.sameStory().get(0);
        assertEquals("2 hours earlier", other.when());
        assertEquals(80, other.likelihood());
        assertEquals("Outlet other", other.outlet());
        assertTrue(box.sameStory().get(1).sameOutlet());
        assertEquals("2 days later", box.moreOnTopic().get(0).when());
        assertFalse(box.pending(), "an hour-old article's box is what it is");
        assertNull(box.unavailable());
    }

    @Test
    void moreOnTheTopicIsShortAndNeverTheSameStory() {
        RelatedCoverage coverage = coverage(
                item("a", false, false, 0.1, "2020-06-09T00:55:00Z"), item("b", false, false, 0.1, "2020-06-09T00:55:00Z"),
                item("c", false, false, 0.1, "2020-06-09T00:55:00Z"), item("d", false, false, 0.1, "2020-06-09T00:55:00Z"),
                item("e", false, false, 0.1, "2020-06-09T00:55:00Z"), item("f", false, false, 0.1, "2020-06-09T00:55:00Z"),
                item("same", true, false, 0.9, "2020-06-09T00:55:00Z"));

        CoverageBox box = CoverageBox.of(PUBLISHED, null, coverage, NOW);

        assertEquals(List.of("a", "b", "c", "d", "e"), box.moreOnTopic().stream().map(CoverageBox.Entry::id).toList());
        assertEquals("at the same time", box.sameStory().get(0).when());
    }

    @Test
    void aNewArticlesEmptyBoxIsAskedForAgainAnOldOneIsNot() {
        RelatedCoverage nothing = coverage();
        assertTrue(CoverageBox.of(PUBLISHED, NOW.minusSeconds(5), nothing, NOW).pending());
        assertFalse(CoverageBox.of(PUBLISHED, NOW.minusSeconds(120), nothing, NOW).pending());
        assertTrue(CoverageBox.of(PUBLISHED, NOW.minusSeconds(120), nothing, NOW).empty());

        CoverageBox arriving = CoverageBox.notIndexed(NOW.minusSeconds(1), NOW);
        assertTrue(arriving.pending());
        assertNull(arriving.unavailable());
        CoverageBox missing = CoverageBox.notIndexed(NOW.minusSeconds(3600), NOW);
        assertFalse(missing.pending());
        assertNotNull(missing.unavailable());
    }

    @Test
    void theReasonsAreSaidInWords() {
        RelatedCoverage.RelatedItem item = new RelatedCoverage.RelatedItem("x", "A title", "https://x.example/",
                new Outlet(null, "x.example"), Instant.parse("2020-06-09T03:55:00Z"), 0.874, true,
                new RelatedCoverage.Reasons(0.4149, List.of(new RelatedCoverage.SharedTopic("AI", 0.1)), false, 3.0,
                        true));

        assertEquals(List.of("Same story: 87% likely", "Shared words: headline and excerpt 41% alike", "Both about AI",
                "Published 3 hours apart", "The site's editors link the two"), CoverageBox.why(item));
        assertEquals("x.example", item.provider().label());
        assertEquals(List.of("Probably another story (3% likely the same)", "Published under a minute apart"),
                CoverageBox.why(new RelatedCoverage.RelatedItem("y", "t", null, null, PUBLISHED, 0.03, false,
                        new RelatedCoverage.Reasons(0, List.of(), false, 0, false))));
    }

    private static RelatedCoverage coverage(RelatedCoverage.RelatedItem... items) {
        List<RelatedCoverage.RelatedItem> all = List.of(items);
        return new RelatedCoverage(all, all.stream().filter(RelatedCoverage.RelatedItem::sameStory).toList());
    }

    private static RelatedCoverage.RelatedItem item(String id, boolean sameStory, boolean sameProvider,
            double probability, String published) {
        return new RelatedCoverage.RelatedItem(id, "Title " + id, "https://" + id + ".example/",
                new Outlet("Outlet " + id, id + ".example"), Instant.parse(published), probability, sameStory,
                new RelatedCoverage.Reasons(0.5, List.of(), sameProvider, 1, false));
    }
}
