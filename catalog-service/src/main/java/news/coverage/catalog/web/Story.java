package news.coverage.catalog.web;

import java.time.Instant;
import java.util.List;

/** recommend-service's story: the reports of one event, highest quality first. */
public record Story(String id, int size, int providers, Instant firstPublished, Instant lastPublished,
        List<Report> articles) {

    public record Report(String id, String title, String url, Outlet provider, Instant publishedDateTime) {
    }

    /** The story's name on a page: the title of its best report. */
    public String headline() {
        return articles.isEmpty() ? "A story" : articles.get(0).title();
    }
}
