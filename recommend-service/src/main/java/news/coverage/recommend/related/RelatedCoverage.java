package news.coverage.recommend.related;

import java.util.List;

/** The related-coverage box of one article (or of a draft, with no id), best first. */
public record RelatedCoverage(String articleId, List<RelatedItem> items) {
}
