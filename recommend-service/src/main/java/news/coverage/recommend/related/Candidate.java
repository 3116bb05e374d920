package news.coverage.recommend.related;

/**
 * An article found near the query, with what scoring needs beside the article itself: the cosine similarity of its
 * text to the query's, how much of the names either mentions both do (by IDF, {@link ArticleSummary#names}), and
 * whether an editorial link joins the two.
 */
public record Candidate(ArticleSummary article, double textSimilarity, double sharedNames, boolean linked) {
}
