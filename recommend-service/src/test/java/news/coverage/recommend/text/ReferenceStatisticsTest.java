package news.coverage.recommend.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReferenceStatisticsTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private ReferenceStatistics.Counter counter() {
        return new ReferenceStatistics.Counter()
                .add(analyzer.analyze("IBM exits facial recognition", null), new String[] {"ibm"}, List.of("AI"))
                .add(analyzer.analyze("Amazon pauses facial recognition", null), new String[] {"amazon"},
                        List.of("AI", "Computer Vision"))
                .add(analyzer.analyze("facial recognition explained", null), new String[0], List.of());
    }

    @Test
    void countsArticlesTermsCapitalsAndTopics() {
        ReferenceStatistics statistics = counter().statistics();

        assertEquals(3, statistics.articles());
        assertEquals(3, statistics.articlesWithTerm("facial"));
        assertEquals(0, statistics.articlesCapitalising("facial"));
        assertEquals(1, statistics.articlesWithTerm("ibm"));
        assertEquals(1, statistics.articlesCapitalising("ibm"));
        // of the two articles with topics, both carry AI and one Computer Vision
        assertEquals(Math.log(1 + 2.0 / 2), statistics.topicWeight("AI"), 1e-12);
        assertEquals(Math.log(1 + 2.0 / 1), statistics.topicWeight("Computer Vision"), 1e-12);
    }

    @Test
    void aTermOrTopicItNeverSawIsRareAndANameAsAnArticleWouldWriteIt() {
        ReferenceStatistics statistics = counter().statistics();

        assertEquals(1, statistics.articlesWithTerm("clearview"));
        assertEquals(1, statistics.articlesCapitalising("clearview"));
        assertEquals(Math.log(1 + 2.0), statistics.topicWeight("Robotics"), 1e-12);
    }

    @Test
    void whatItWritesReadsBackTheSame() throws IOException {
        ReferenceStatistics.Counter counter = counter();
        StringWriter written = new StringWriter();
        counter.write(written);

        ReferenceStatistics read = ReferenceStatistics.read(new StringReader(written.toString()));
        ReferenceStatistics counted = counter.statistics();
        for (String term : List.of("facial", "recognition", "ibm", "amazon", "explained", "unknown")) {
            assertEquals(counted.articlesWithTerm(term), read.articlesWithTerm(term), term);
            assertEquals(counted.articlesCapitalising(term), read.articlesCapitalising(term), term);
        }
        assertEquals(counted.articles(), read.articles());
        assertEquals(counted.topicWeight("AI"), read.topicWeight("AI"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceStatistics.read(new StringReader("terms\t3\n")));
        assertThrows(IllegalArgumentException.class, () -> ReferenceStatistics.read(new StringReader("")));
    }
}
