package news.coverage.recommend.story;

import java.time.Instant;
import java.util.List;

/**
 * Reports of one event: how many, from how many outlets, over what time, and its articles, highest quality first (as
 * the site's own related lists are sorted), at most as many as asked for.
 */
public record Story(String id, int size, int providers, Instant firstPublished, Instant lastPublished,
        List<StoryArticle> articles) {
}
