package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A page of articles, newest first.
 *
 * @param next the cursor of the following page, absent on the last one
 */
public record ArticlePage(List<ObjectNode> items, String next) {
}
