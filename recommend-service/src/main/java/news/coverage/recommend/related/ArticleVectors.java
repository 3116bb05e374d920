package news.coverage.recommend.related;

import news.coverage.recommend.text.TermCounts;
import news.coverage.recommend.text.TermVector;
import news.coverage.recommend.text.TextSimilarity;

import java.util.Collections;
import java.util.Set;

/**
 * What the signals of a pair read of an article under given statistics, worked out once per article and statistics
 * rather than once per pair: its TF-IDF vector, the names it mentions weighted by IDF ({@link
 * Headlines.Headline#names}) and the names its headline leads with ({@link Headlines.Headline#subjects}).
 */
public record ArticleVectors(TextSimilarity.Weighted text, TextSimilarity.Weighted names, Set<String> subjects) {

    public static ArticleVectors of(ArticleSummary article, TextSimilarity similarity, TermCounts counts) {
        return of(article.text(), article.headline(), similarity, counts);
    }

    static ArticleVectors of(TermVector text, Headlines.Headline headline, TextSimilarity similarity,
            TermCounts counts) {
        return new ArticleVectors(similarity.weighted(text), headline.names(counts), headline.subjects(counts));
    }

    /** The article, whose vectors are {@code its}, as a candidate for the article of these vectors. */
    public Candidate candidate(ArticleSummary article, ArticleVectors its, boolean linked) {
        return new Candidate(article, TextSimilarity.cosine(text, its.text),
                TextSimilarity.weightedOverlap(names, its.names), !Collections.disjoint(subjects, its.subjects),
                linked);
    }
}
