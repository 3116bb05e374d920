package news.coverage.catalog.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** A story's reports placed on a line from its first to its last report. */
public final class Timeline {

    private Timeline() {
    }

    /**
     * One report on the line.
     *
     * @param position where on the line, 0 (the first report) to 100 (the last)
     * @param after    how long after the first report it came out
     * @param current  whether it is the article the page is about
     */
    public record Mark(Story.Report report, int position, String after, boolean current) {
    }

    /** The reports in order of publication; all in the middle when they came out at once. */
    static List<Mark> of(List<Story.Report> reports, String currentId) {
        List<Story.Report> inOrder = reports.stream()
                .sorted(Comparator.comparing(Story.Report::publishedDateTime).thenComparing(Story.Report::id)).toList();
        if (inOrder.isEmpty()) {
            return List.of();
        }
        long first = inOrder.get(0).publishedDateTime().getEpochSecond();
        long span = inOrder.get(inOrder.size() - 1).publishedDateTime().getEpochSecond() - first;
        return inOrder.stream().map(report -> {
            long offset = report.publishedDateTime().getEpochSecond() - first;
            int position = span == 0 ? 50 : (int) Math.round(100.0 * offset / span);
            String after = offset < 60 ? "first" : RelativeTime.apart(Duration.ofSeconds(offset))
                    .replace(" apart", " after");
            return new Mark(report, position, after, report.id().equals(currentId));
        }).toList();
    }
}
