package news.coverage.deploy.evaluate;

import java.time.Instant;

/** One item of the evaluated folder as its file gives it: what the baseline indexes. */
public record EvaluatedItem(String file, String title, String excerpt, Instant publishedAt) {
}
