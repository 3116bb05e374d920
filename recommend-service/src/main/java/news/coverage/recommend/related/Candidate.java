package news.coverage.recommend.related;

import io.vertx.mutiny.sqlclient.Row;
import news.coverage.recommend.article.Article;

import java.time.Instant;
import java.util.List;

/**
 * An article found near the query, with what scoring needs: the cosine similarity of its text to the query's and
 * whether an editorial link joins the two.
 */
record Candidate(String id, String title, String url, String providerName, String providerDomain,
        Instant publishedAt, Integer quality, String type, String imageUrl, List<String> topics,
        double textSimilarity, boolean linked) {

    /** From a row with the article's columns, its {@code topics} and {@code linked}. */
    static Candidate of(Row row, double textSimilarity) {
        return new Candidate(row.getString("id"), row.getString("title"), row.getString("url"),
                row.getString("provider_name"), row.getString("provider_domain"),
                row.getOffsetDateTime("published_at").toInstant(), row.getInteger("quality"), row.getString("type"),
                row.getString("image_url"), List.of(row.getArrayOfStrings("topics")), textSimilarity,
                row.getBoolean("linked"));
    }

    static Candidate of(Article article, double textSimilarity, boolean linked) {
        return new Candidate(article.id, article.title, article.url, article.providerName, article.providerDomain,
                article.publishedAt, article.quality, article.type, article.imageUrl, List.copyOf(article.topics),
                textSimilarity, linked);
    }
}
