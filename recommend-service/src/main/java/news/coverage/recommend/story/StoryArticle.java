package news.coverage.recommend.story;

import news.coverage.recommend.article.Provider;

import java.time.Instant;

/** One report of a story. */
public record StoryArticle(String id, String title, String url, Provider provider, Instant publishedDateTime,
        Integer quality, String type, String imageUrl) {
}
