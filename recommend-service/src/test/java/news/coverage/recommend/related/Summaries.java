package news.coverage.recommend.related;

import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;

/** Article summaries for tests of plain classes: an id, a title, a time, a provider and topics. */
public final class Summaries {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private Summaries() {
    }

    public static ArticleSummary summary(String id, String title, String publishedAt, String provider,
            String... topics) {
        Article article = new Article();
        article.id = id;
        article.version = "v1";
        article.title = title;
        article.url = "https://" + provider + "/" + id;
        article.providerName = provider;
        article.providerDomain = provider;
        article.publishedAt = Instant.parse(publishedAt);
        article.topics = topics;
        return ArticleSummary.of(article, ANALYZER);
    }
}
