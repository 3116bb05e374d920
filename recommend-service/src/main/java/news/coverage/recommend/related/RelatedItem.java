package news.coverage.recommend.related;

import news.coverage.recommend.article.Provider;

import java.time.Instant;

/**
 * One entry of a related-coverage answer, with its score, how likely it reports the same story (a calibrated
 * probability), whether that puts it in the box, and why it was chosen.
 */
public record RelatedItem(String id, String title, String url, Provider provider, Instant publishedDateTime,
        Integer quality, String type, String imageUrl, double score, double sameStoryProbability, boolean sameStory,
        Reasons reasons) {
}
