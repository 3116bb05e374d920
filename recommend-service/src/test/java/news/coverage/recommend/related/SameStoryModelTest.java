package news.coverage.recommend.related;

import news.coverage.recommend.text.TermCounts;
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

    private static final Headlines.Headline A = Headlines.Headline.of("a", null);
    private static final Headlines.Headline B = Headlines.Headline.of("b", null);
    private static final Headlines.Headline IBM_EXITS = Headlines.Headline.of("IBM exits facial recognition business",
            null);
    /** A corpus that writes IBM and Amazon as names. */
    private static final TermCounts NAMES = HeadlinesTest.corpus("IBM exits facial recognition business",
            "The company said on Monday that IBM will stop.", "Amazon pauses police use", "Shares of Amazon rose.");

    private final SameStoryModel model = new SameStoryModel(CONFIG);

    @Test
    void closenessInTimeIsGaussianInTheTimeScale() {
        assertEquals(1.0, model.features(0.5, 0, 0, Duration.ZERO, false, false, A, B, NAMES).closeness(), 1e-9);
        assertEquals(Math.exp(-0.5), model.features(0.5, 0, 0, Duration.ofHours(24), false, false, A, B, NAMES).closeness(),
                1e-9);
        assertEquals(Math.exp(-2), model.features(0.5, 0, 0, Duration.ofHours(48), false, false, A, B, NAMES).closeness(), 1e-9);
    }

    @Test
    void aSharedSubjectCountsAsCloseAsTheTwoAre() {
        Headlines.Headline ibmQuits = Headlines.Headline.of("IBM quits facial recognition", null);
        assertEquals(1.0, model.features(0.1, 0, 0, Duration.ZERO, false, false, IBM_EXITS, ibmQuits, NAMES).subject(),
                1e-9);
        assertEquals(Math.exp(-2), model.features(0.1, 0, 0, Duration.ofHours(48), false, false, IBM_EXITS, ibmQuits,
                NAMES).subject(), 1e-9);
        assertEquals(0.0, model.features(0.1, 0, 0, Duration.ZERO, false, false, IBM_EXITS,
                Headlines.Headline.of("Amazon pauses police use of facial recognition", null), NAMES).subject());
    }

    @Test
    void theProbabilityIsTheLogisticFunctionOfTheWeightedFeatures() {
        var features = new SameStoryModel.Features(0.4, 1, 1, 0, 0, 0.5, 1, 0.25);
        double sum = -8 + 15 * 0.4 + 3 + 3 + 1.5 * 0.5 + 5 + 2 * 0.25;
        assertEquals(1 / (1 + Math.exp(-sum)), model.probability(features), 1e-12);
    }

    @Test
    void theSameSubjectAndCloseTimeMakeTheSameStoryAnotherSubjectDoesNot() {
        double same = model.probability(model.features(0.15, 0, 0.8, Duration.ofHours(6), false, false,
                IBM_EXITS, Headlines.Headline.of("IBM gets out of facial recognition", null), NAMES));
        double parallel = model.probability(model.features(0.15, 0, 0.8, Duration.ofHours(6), false, false,
                IBM_EXITS, Headlines.Headline.of("Amazon pauses police use of facial recognition", null), NAMES));
        assertTrue(model.isSameStory(same), "same subject: " + same);
        assertFalse(model.isSameStory(parallel), "another subject: " + parallel);
    }

    @Test
    void aWeakTextMatchDaysApartStaysOutOfTheBox() {
        double background = model.probability(model.features(0.05, 0, 0.5, Duration.ofDays(4), false, false,
                Headlines.Headline.of("Why face-recognition technology has a bias problem", null), IBM_EXITS, NAMES));
        assertTrue(background < 0.05, "background piece: " + background);
    }
}
