package news.coverage.catalog.web;

import news.coverage.catalog.article.Facets;

import java.util.List;

/**
 * The home page: the newest articles, filtered by topic, outlet and days, or the articles a search found.
 *
 * @param heading  what the list is
 * @param nextPage the link to the following page, absent on the last one
 * @param message  a problem with what was asked, in words, absent when there is none
 */
public record HomePage(String query, String topic, String provider, DateRange range, List<Facets.Count> topics,
        List<Facets.Count> providers, String heading, List<ArticleView> articles, String nextPage, String message) {
}
