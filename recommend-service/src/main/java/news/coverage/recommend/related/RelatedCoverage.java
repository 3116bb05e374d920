package news.coverage.recommend.related;

import java.util.List;

/**
 * The related coverage of one article (or of a draft, with no id): {@code items}, the whole ranking best first, and
 * {@code sameStory}, the box: those of them likely enough to report the same story, possibly none. The items not in
 * the box are more on the topic.
 */
public record RelatedCoverage(String articleId, List<RelatedItem> items, List<RelatedItem> sameStory) {

    static RelatedCoverage of(String articleId, List<RelatedItem> items) {
        return new RelatedCoverage(articleId, items, items.stream().filter(RelatedItem::sameStory).toList());
    }
}
