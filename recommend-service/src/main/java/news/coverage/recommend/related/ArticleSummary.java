package news.coverage.recommend.related;

import io.vertx.mutiny.sqlclient.Row;
import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TermVector;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What an answer shows of an article and what scoring reads of it. In memory, one instance per article is shared by
 * every kept list that names it ({@link NeighbourListCache}); its repeated strings (terms, topics, providers) are
 * interned, since a hundred thousand articles repeat a few tens of thousands of them.
 */
record ArticleSummary(String id, String title, String url, String providerName, String providerDomain,
        Instant publishedAt, Integer quality, String type, String imageUrl, List<String> topics, TermVector text,
        Headlines.Headline headline) {

    /** The columns {@link #of(Row)} reads, from the {@code article} table aliased {@code a}. */
    static final String COLUMNS = """
            a.id, a.title, a.url, a.provider_name, a.provider_domain, a.published_at, a.quality, a.type, a.image_url,
            a.topic_names AS topics, a.terms, a.term_weights""";

    static ArticleSummary of(Row row) {
        String[] terms = row.getArrayOfStrings("terms");
        for (int i = 0; i < terms.length; i++) {
            terms[i] = terms[i].intern();
        }
        return new ArticleSummary(row.getString("id"), row.getString("title"), row.getString("url"),
                row.getString("provider_name").intern(), row.getString("provider_domain").intern(),
                row.getOffsetDateTime("published_at").toInstant(), row.getInteger("quality"),
                row.getString("type") == null ? null : row.getString("type").intern(), row.getString("image_url"),
                Arrays.stream(row.getArrayOfStrings("topics")).map(String::intern).toList(),
                TermVector.of(terms, row.getArrayOfFloats("term_weights")),
                Headlines.Headline.of(row.getString("title")));
    }

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.id, article.title, article.url, article.providerName, article.providerDomain,
                article.publishedAt, article.quality, article.type, article.imageUrl, List.copyOf(article.topics),
                new TermVector(article.terms, article.termWeights), Headlines.Headline.of(article.title));
    }
}
