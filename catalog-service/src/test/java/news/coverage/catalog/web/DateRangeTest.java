package news.coverage.catalog.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateRangeTest {

    @Test
    void bothDaysAreIncludedInUtc() {
        DateRange range = DateRange.of("2020-06-08", " 2020-06-09 ");
        assertEquals(Optional.of(Instant.parse("2020-06-08T00:00:00Z")), range.from());
        assertEquals(Optional.of(Instant.parse("2020-06-10T00:00:00Z")), range.to());
        assertEquals("2020-06-09", range.toDay());
        DateRange oneDay = DateRange.of("2020-06-08", "2020-06-08");
        assertEquals(Optional.of(Instant.parse("2020-06-09T00:00:00Z")), oneDay.to());
    }

    @Test
    void blankDaysAreNoBound() {
        DateRange open = DateRange.of("", null);
        assertTrue(open.from().isEmpty() && open.to().isEmpty());
        assertEquals(null, open.fromDay());
    }

    @Test
    void aReaderIsToldWhatIsWrong() {
        assertEquals("The from day must be a date such as 2020-06-09, not '9 June'",
                assertThrows(IllegalArgumentException.class, () -> DateRange.of("9 June", null)).getMessage());
        assertEquals("The first day (2020-06-12) is after the last (2020-06-01)",
                assertThrows(IllegalArgumentException.class, () -> DateRange.of("2020-06-12", "2020-06-01"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> DateRange.of(null, "9999-12-31"));
    }
}
