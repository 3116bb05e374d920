package news.coverage.catalog.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineTest {

    @Test
    void reportsArePlacedFromTheFirstToTheLastInOrderOfPublication() {
        List<Timeline.Mark> marks = Timeline.of(List.of(report("late", "2020-06-10T00:00:00Z"),
                report("first", "2020-06-09T00:00:00Z"), report("middle", "2020-06-09T06:00:00Z")), "middle");

        assertEquals(List.of("first", "middle", "late"), marks.stream().map(mark -> mark.report().id()).toList());
        assertEquals(List.of(0, 25, 100), marks.stream().map(Timeline.Mark::position).toList());
        assertEquals(List.of("first", "6 hours after", "24 hours after"),
                marks.stream().map(Timeline.Mark::after).toList());
        assertEquals(List.of(false, true, false), marks.stream().map(Timeline.Mark::current).toList());
    }

    @Test
    void reportsOfOneMomentStandInTheMiddle() {
        List<Timeline.Mark> marks = Timeline.of(List.of(report("b", "2020-06-09T00:00:00Z"),
                report("a", "2020-06-09T00:00:00Z")), null);

        assertEquals(List.of("a", "b"), marks.stream().map(mark -> mark.report().id()).toList());
        assertEquals(List.of(50, 50), marks.stream().map(Timeline.Mark::position).toList());
        assertEquals(List.of(), Timeline.of(List.of(), null));
    }

    private static Story.Report report(String id, String published) {
        return new Story.Report(id, "Title " + id, null, new Outlet(id, id + ".example"), Instant.parse(published));
    }
}
