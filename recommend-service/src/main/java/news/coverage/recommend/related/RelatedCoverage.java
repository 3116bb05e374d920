package news.coverage.recommend.related;

import java.util.List;

/** The related-coverage box of one article, best first. */
public record RelatedCoverage(String articleId, List<RelatedItem> items) {
}
