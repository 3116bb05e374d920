package news.coverage.deploy.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The related-coverage box (the {@code sameStory} items of each answer) against the judgments: the precision of what
 * it shows, the recall of the same-story items, and the share of queries without any same-story item whose box is
 * empty; for the service's box as configured, and for weights learned again from the answers' features by
 * leave-one-query-out cross-validation ({@link SameStoryTraining}), whose fit on every query is written out.
 */
final class BoxEvaluation {

    /** One item of an answer as the service gave it. */
    record Answered(String file, double score, double probability, boolean inBox, Map<String, Double> features) {
    }

    /**
     * The judged pairs among the answers and, for each judged query, the weights fitted on the other queries' pairs:
     * every item of a query's answer, judged or not, gets its probability from weights that never saw that query.
     */
    record CrossValidation(List<SameStoryTraining.Example> examples, Map<String, SameStoryTraining.Model> heldOut) {

        static CrossValidation of(Map<String, List<Answered>> answers, Judgments judgments) {
            List<SameStoryTraining.Example> examples = new ArrayList<>();
            answers.forEach((query, items) -> items.stream()
                    .filter(item -> judgments.byQuery().getOrDefault(query, Map.of()).containsKey(item.file()))
                    .forEach(item -> examples.add(new SameStoryTraining.Example(query, item.file(), item.features(),
                            judgments.byQuery().get(query).get(item.file()) == 2))));
            return new CrossValidation(examples, SameStoryTraining.heldOut(examples));
        }

        /** The item's probability by the weights that did not see the query; 0 for a query without judged pairs. */
        double probability(String query, Answered item) {
            SameStoryTraining.Model model = heldOut.get(query);
            return model == null ? 0 : model.probability(item.features());
        }

        /**
         * The answers as the service orders them (the box first, then the rest, each by score), with the box of the
         * cross-validated probabilities at the threshold.
         */
        Map<String, List<String>> boxFirst(Map<String, List<Answered>> answers, double threshold) {
            Map<String, List<String>> ranked = new LinkedHashMap<>();
            answers.forEach((query, items) -> ranked.put(query, items.stream()
                    .sorted(Comparator.comparing((Answered item) -> probability(query, item) < threshold)
                            .thenComparing(Comparator.comparingDouble(Answered::score).reversed()))
                    .map(Answered::file).toList()));
            return ranked;
        }
    }

    /**
     * Shown items, of which judged, and of which same story; same-story items of the pool; queries without any, and of
     * those the ones with an empty box.
     */
    record Measures(int shown, int shownJudged, int shownSame, int same, int without, int emptyWithout) {

        @Override
        public String toString() {
            return String.format("precision of shown %s (%d shown, %d unjudged), recall of same story %s (%d of %d), "
                            + "empty box where there is no same-story item %d of %d",
                    ratio(shownSame, shownJudged), shown, shown - shownJudged, ratio(shownSame, same), shownSame, same,
                    emptyWithout, without);
        }

        private static String ratio(int part, int whole) {
            return whole == 0 ? "n/a" : String.format("%.3f", (double) part / whole);
        }
    }

    /** The thresholds whose cross-validated box is printed, to choose related.same-story.threshold by. */
    private static final double[] THRESHOLDS = { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

    private BoxEvaluation() {
    }

    static Measures measure(Map<String, List<Answered>> answers, Judgments judgments,
            BiPredicate<String, Answered> inBox) {
        int shown = 0, shownJudged = 0, shownSame = 0, same = 0, without = 0, emptyWithout = 0;
        for (var query : judgments.byQuery().entrySet()) {
            Map<String, Integer> grades = query.getValue();
            List<Answered> box = answers.getOrDefault(query.getKey(), List.of()).stream()
                    .filter(item -> inBox.test(query.getKey(), item)).toList();
            long sameInPool = grades.values().stream().filter(grade -> grade == 2).count();
            same += (int) sameInPool;
            if (sameInPool == 0) {
                without++;
                emptyWithout += box.isEmpty() ? 1 : 0;
            }
            for (Answered item : box) {
                shown++;
                Integer grade = grades.get(item.file());
                if (grade != null) {
                    shownJudged++;
                    shownSame += grade == 2 ? 1 : 0;
                }
            }
        }
        return new Measures(shown, shownJudged, shownSame, same, without, emptyWithout);
    }

    /** Prints every judged query's box as a person sees it, the measures, and the cross-validated training. */
    static void print(Map<String, List<Answered>> answers, Judgments judgments, CrossValidation validation,
            Function<String, String> describe, double threshold, Path weightsFile) throws IOException {
        System.out.printf("%nThe box (sameStory) of each judged item: probability, grade (? unjudged), item%n");
        judgments.byQuery().forEach((query, grades) -> {
            System.out.println("## " + describe.apply(query));
            List<Answered> box = answers.getOrDefault(query, List.of()).stream().filter(Answered::inBox).toList();
            if (box.isEmpty()) {
                System.out.println("   (empty box)");
            }
            box.forEach(item -> System.out.printf("   %.2f %s %s%n", item.probability(),
                    grades.containsKey(item.file()) ? grades.get(item.file()).toString() : "?",
                    describe.apply(item.file())));
        });
        System.out.println("Box as served (threshold " + threshold + "): "
                + measure(answers, judgments, (query, item) -> item.inBox()));

        List<SameStoryTraining.Example> examples = validation.examples();
        List<Double> predictions = SameStoryTraining.crossValidated(examples, validation.heldOut());
        System.out.println("Box by leave-one-query-out cross-validation (" + examples.size() + " judged pairs of "
                + answers.size() + " answers), by threshold (* the service's):");
        for (double cut : THRESHOLDS) {
            System.out.printf("   %.2f%s %s%n", cut, cut == threshold ? "*" : " ", measure(answers, judgments,
                    (query, item) -> validation.probability(query, item) >= cut));
        }
        System.out.println("Calibration (cross-validated): probability tenth, pairs, share same story");
        for (double[] bucket : SameStoryTraining.calibration(examples, predictions)) {
            if (bucket[1] > 0) {
                System.out.printf("   %.1f-%.1f %4d %.2f%n", bucket[0], bucket[0] + 0.1, (int) bucket[1], bucket[2]);
            }
        }
        SameStoryTraining.Model model = SameStoryTraining.fit(examples);
        List<String> lines = new ArrayList<>(List.of("# learned by deploy/evaluate from " + examples.size()
                + " judged pairs (logistic regression); paste into recommend-service's application.properties",
                String.format("related.same-story.bias=%.3f", model.bias())));
        model.weights().forEach((name, weight) -> lines.add(String.format("related.same-story.weights.%s=%.3f",
                kebab(name), weight)));
        Files.write(weightsFile, lines);
        System.out.println("Weights fitted on every judged pair, written to " + weightsFile + ":");
        lines.stream().skip(1).forEach(line -> System.out.println("   " + line));
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
