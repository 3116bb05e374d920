package news.coverage.catalog.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeTimeTest {

    private static final Instant AT = Instant.parse("2020-06-09T12:00:00Z");

    @Test
    void minutesHoursThenDaysBeforeOrAfter() {
        assertEquals("at the same time", RelativeTime.between(AT, AT.plusSeconds(59)));
        assertEquals("1 minute later", RelativeTime.between(AT, AT.plusSeconds(60)));
        assertEquals("59 minutes earlier", RelativeTime.between(AT, AT.minus(Duration.ofMinutes(59))));
        assertEquals("1 hour later", RelativeTime.between(AT, AT.plus(Duration.ofMinutes(119))));
        assertEquals("47 hours earlier", RelativeTime.between(AT, AT.minus(Duration.ofHours(47))));
        assertEquals("2 days later", RelativeTime.between(AT, AT.plus(Duration.ofHours(48))));
        assertEquals("under a minute apart", RelativeTime.apart(Duration.ofSeconds(-30)));
        assertEquals("3 days apart", RelativeTime.apart(Duration.ofDays(-3)));
    }
}
