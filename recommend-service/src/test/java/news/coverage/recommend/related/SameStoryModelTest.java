package news.coverage.recommend.related;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameStoryModelTest {

    /** Weights of the shape deploy/evaluate learns: text and a shared subject speak for the same story. */
    private static final SameStoryConfig CONFIG = new SameStoryConfig() {
        @Override
        public double bias() {
            return -8;
        }

        @Override
        public Weights weights() {
            return new Weights() {
                public double text() {
                    return 15;
                }

                public double topics() {
                    return 3;
                }

                public double closeness() {
                    return 3;
                }

                public double sameProvider() {
                    return -4;
                }

                public double editorial() {
                    return 3;
                }

                public double headline() {
                    return 1.5;
                }

                public double subject() {
                    return 5;
                }

                public double names() {
                    return 2;
                }
            };
        }

        @Override
        public Duration timeScale() {
            return Duration.ofHours(24);
        }

        @Override
        public double threshold() {
            return 0.6;
        }
    };

    private static final Headlines.Headline IBM_EXITS = Headlines.Headline.of("IBM exits facial recognition business",
            null);
    private static final ArticleSummary ITEM = Summaries.summary("item", "An item", "2020-06-09T12:00:00Z",
            "example.com", "AI");

    private final SameStoryModel model = new SameStoryModel(CONFIG);

    /** A pair of these signals. */
    private static Candidate pair(double text, boolean sameSubject) {
        return new Candidate(ITEM, text, 0, sameSubject, false);
    }

    @Test
    void closenessInTimeIsGaussianInTheTimeScale() {
        assertEquals(1.0, model.features(pair(0.5, false), 0, Duration.ZERO, false, 0).closeness(), 1e-9);
        assertEquals(Math.exp(-0.5), model.features(pair(0.5, false), 0, Duration.ofHours(24), false, 0).closeness(),
                1e-9);
        assertEquals(Math.exp(-2), model.features(pair(0.5, false), 0, Duration.ofHours(48), false, 0).closeness(),
                1e-9);
    }

    @Test
    void aSharedSubjectCountsAsCloseAsTheTwoAre() {
        assertEquals(1.0, model.features(pair(0.1, true), 0, Duration.ZERO, false, 0).subject(), 1e-9);
        assertEquals(Math.exp(-2), model.features(pair(0.1, true), 0, Duration.ofHours(48), false, 0).subject(), 1e-9);
        assertEquals(0.0, model.features(pair(0.1, false), 0, Duration.ZERO, false, 0).subject());
    }

    @Test
    void theProbabilityIsTheLogisticFunctionOfTheWeightedFeatures() {
        var features = new SameStoryModel.Features(0.4, 1, 1, 0, 0, 0.5, 1, 0.25);
        double sum = -8 + 15 * 0.4 + 3 + 3 + 1.5 * 0.5 + 5 + 2 * 0.25;
        assertEquals(1 / (1 + Math.exp(-sum)), model.probability(features), 1e-12);
    }

    @Test
    void theSameSubjectAndCloseTimeMakeTheSameStoryAnotherSubjectDoesNot() {
        double same = model.probability(model.features(pair(0.15, true), 0.8, Duration.ofHours(6), false,
                IBM_EXITS.overlap(Headlines.Headline.of("IBM gets out of facial recognition", null))));
        double parallel = model.probability(model.features(pair(0.15, false), 0.8, Duration.ofHours(6), false,
                IBM_EXITS.overlap(Headlines.Headline.of("Amazon pauses police use of facial recognition", null))));
        assertTrue(model.isSameStory(same), "same subject: " + same);
        assertFalse(model.isSameStory(parallel), "another subject: " + parallel);
    }

    @Test
    void aWeakTextMatchDaysApartStaysOutOfTheBox() {
        double background = model.probability(model.features(pair(0.05, false), 0.5, Duration.ofDays(4), false,
                IBM_EXITS.overlap(Headlines.Headline.of("Why face-recognition technology has a bias problem", null))));
        assertTrue(background < 0.05, "background piece: " + background);
    }
}
