package news.coverage.recommend.related;

import news.coverage.recommend.article.Article;
import news.coverage.recommend.text.TermVector;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What an answer shows of an article and what retrieval, scoring and stories read of it, held in memory by
 * {@link ArticleIndex} for every article of the read model. The text is analysed when the summary is made, so that a
 * change of analysis takes effect at the next start, without a replay. Repeated strings (terms, topics, providers)
 * are interned, since a hundred thousand articles repeat a few tens of thousands of them.
 */
public record ArticleSummary(String id, String version, String title, String url, String providerName,
        String providerDomain, Instant publishedAt, Integer quality, String type, String imageUrl, List<String> topics,
        Set<String> linkedIds, String storyId, TermVector text, Headlines.Headline headline) {

    public static ArticleSummary of(Article article, TextAnalyzer analyzer) {
        TermVector text = analyzer.analyze(article.title, article.excerpt);
        String[] terms = text.terms();
        for (int i = 0; i < terms.length; i++) {
            terms[i] = terms[i].intern();
        }
        return new ArticleSummary(article.id, article.version, article.title, article.url,
                article.providerName.intern(), article.providerDomain.intern(), article.publishedAt, article.quality,
                article.type == null ? null : article.type.intern(), article.imageUrl,
                Arrays.stream(article.topics).map(String::intern).toList(),
                Set.copyOf(Arrays.asList(article.linkedIds)), article.storyId,
                text, Headlines.Headline.of(article.title, article.excerpt));
    }

    /** The articles' summaries in their order, analysed side by side: analysis is most of what a summary costs. */
    public static List<ArticleSummary> of(Collection<Article> articles, TextAnalyzer analyzer) {
        return articles.parallelStream().map(article -> of(article, analyzer)).toList();
    }

    /** The terms the article writes capitalised where case tells: its evidence for the corpus's names. */
    public String[] capitalisedTerms() {
        return headline.capitalised();
    }

    /** The terms an article with this headline and excerpt writes capitalised where case tells. */
    public static String[] capitalisedTerms(String title, String excerpt) {
        return Headlines.Headline.of(title, excerpt).capitalised();
    }

    /** The same article in another story. */
    public ArticleSummary inStory(String story) {
        return new ArticleSummary(id, version, title, url, providerName, providerDomain, publishedAt, quality, type,
                imageUrl, topics, linkedIds, story, text, headline);
    }
}
