package news.coverage.catalog.web;

import java.time.Instant;
import java.util.List;

/**
 * recommend-service's answer for one article: {@code items}, its whole ranking best first, and {@code sameStory},
 * the box: those likely enough to report the same story.
 */
public record RelatedCoverage(List<RelatedItem> items, List<RelatedItem> sameStory) {

    /** One entry of the answer, with how likely it reports the same story and why it was chosen. */
    public record RelatedItem(String id, String title, String url, Outlet provider, Instant publishedDateTime,
            double sameStoryProbability, boolean sameStory, Reasons reasons) {
    }

    /** The signals of an entry's score, as recommend measured them. */
    public record Reasons(double textSimilarity, List<SharedTopic> sharedTopics, boolean sameProvider,
            double hoursApart, boolean editorialLink) {
    }

    public record SharedTopic(String topic, double weight) {
    }
}
