package news.coverage.recommend.related;

/**
 * An article found near the query, with what scoring needs beside the article itself ({@link ArticleVectors}): the
 * cosine similarity of its text to the query's, how much of the names either mentions both do (by IDF), whether both
 * headlines lead with a name in common, and whether an editorial link joins the two.
 */
public record Candidate(ArticleSummary article, double textSimilarity, double sharedNames, boolean sameSubject,
        boolean linked) {
}
