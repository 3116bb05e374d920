package news.coverage.recommend.related;

import java.time.Instant;
import java.util.List;

/**
 * An article found near the query, with what scoring needs: the raw TF-IDF dot product with the query, the norm of
 * its own vector and whether an editorial link joins the two.
 */
record Candidate(String id, String title, String url, String providerName, String providerDomain,
        Instant publishedAt, Integer quality, String type, String imageUrl, List<String> topics, double dot,
        double norm, boolean linked) {
}
