package news.coverage.catalog.web;

import java.util.List;

/**
 * An article's story on its page: every report on a timeline, or why there is none.
 *
 * @param message why there is no story to show, absent when there is one
 */
public record StoryPanel(Story story, List<Timeline.Mark> marks, String message) {

    static StoryPanel of(Story story, String articleId) {
        return new StoryPanel(story, Timeline.of(story.articles(), articleId), null);
    }

    static StoryPanel missing(String message) {
        return new StoryPanel(null, List.of(), message);
    }
}
