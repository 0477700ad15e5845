package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Precision and recall of name matching on the labelled set (LabelledNames): printed per rule, and
 * held above floors so that a change that makes matching worse fails here.
 */
@Tag("unit")
class NameMatchingQualityTest {

    static CompanyNames companyNames() throws Exception {
        List<String> regions = new ClassPathResource("reference/regions.csv").getContentAsString(StandardCharsets.UTF_8)
                .lines().filter(l -> !l.startsWith("#") && l.contains(",")).map(l -> l.split(",", 2)[1].strip()).toList();
        return new CompanyNames(regions);
    }

    @Test
    void precisionAndRecallOnTheLabelledSet() throws Exception {
        LabelledNames set = new LabelledNames();
        NameMatcher matcher = new NameMatcher(companyNames(), set.registry.stream()
                .map(r -> new NameMatcher.Registered(r.uscc(), r.name())).toList());

        int positives = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int inCandidates = 0;
        int negatives = 0;
        int negativesMatched = 0;
        Map<String, int[]> byRule = new TreeMap<>(); // rule → {rows, right match, wrong match, right among candidates}
        for (LabelledNames.Labelled row : set.labelled) {
            NameMatcher.Result result = matcher.match(row.name());
            int[] counts = byRule.computeIfAbsent(row.rule(), k -> new int[4]);
            counts[0]++;
            String got = result.matched() == null ? null : result.matched().uscc();
            if (row.expectedUscc() == null) {
                negatives++;
                if (got != null) {
                    negativesMatched++;
                    falsePositives++;
                    counts[2]++;
                    System.out.println("  false match: " + row.rule() + " " + row.name() + " -> " + result.matched().name());
                }
                continue;
            }
            positives++;
            if (row.expectedUscc().equals(got)) {
                truePositives++;
                counts[1]++;
            } else if (got != null) {
                falsePositives++;
                counts[2]++;
                System.out.println("  wrong match: " + row.rule() + " " + row.name() + " -> " + result.matched().name());
            }
            if (result.candidates().stream().anyMatch(c -> c.uscc().equals(row.expectedUscc()))) {
                inCandidates++;
                counts[3]++;
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) positives;
        double candidateRecall = inCandidates / (double) positives;
        System.out.printf("name matching on %d labelled names (%d positives, %d negatives) against %d registered names%n",
                set.labelled.size(), positives, negatives, set.registry.size());
        byRule.forEach((rule, c) -> System.out.printf("  %-45s %4d rows  matched right %4d  wrong %3d  right among candidates %4d%n",
                rule, c[0], c[1], c[2], c[3]));
        System.out.printf("precision %.4f  recall %.4f  recall with candidates %.4f  negatives matched %d of %d%n",
                precision, recall, candidateRecall, negativesMatched, negatives);

        assertThat(set.labelled.size()).isGreaterThanOrEqualTo(500);
        assertThat(precision).isGreaterThanOrEqualTo(0.98);
        assertThat(recall).isGreaterThanOrEqualTo(0.80);
        assertThat(candidateRecall).isGreaterThanOrEqualTo(0.95);
    }
}
