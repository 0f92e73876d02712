package io.litgraph.systemtests;

import java.util.List;

/**
 * Deterministic biomedical-looking documents for the fault tests: every {@code n} gives the same title and
 * text, made of terms the engine knows (genes, diseases, chemicals, species) in relation-bearing
 * sentences, so that each document has mentions and relations to compare.
 */
final class FaultTexts {
    private static final List<String> GENES = List.of("interleukin-6 (IL-6)", "tumor necrosis factor alpha", "leptin",
            "TP53", "BRCA1", "EGFR", "vascular endothelial growth factor", "insulin");
    private static final List<String> DISEASES = List.of("type 2 diabetes", "breast cancer", "obesity", "Alzheimer's disease",
            "rheumatoid arthritis", "asthma", "hypertension", "insulin resistance");
    private static final List<String> CHEMICALS = List.of("metformin", "aspirin", "cisplatin", "dexamethasone", "glucose",
            "cholesterol", "tamoxifen");
    private static final List<String> SPECIES = List.of("mice", "patients", "rats", "human subjects");

    private FaultTexts() {
    }

    record Text(String title, String body) {
    }

    static Text v1(int n) {
        String g = GENES.get(n % GENES.size());
        String d = DISEASES.get((n * 3 + 1) % DISEASES.size());
        String c = CHEMICALS.get((n * 5 + 2) % CHEMICALS.size());
        String s = SPECIES.get((n / 2) % SPECIES.size());
        String d2 = DISEASES.get((n * 7 + 3) % DISEASES.size());
        return new Text(cap(g) + " and " + d + " in " + s + " (cohort " + n + ")",
                cap(g) + " levels were increased in " + s + " with " + d + ". "
                        + "Treatment with " + c + " reduced " + g + " expression and improved " + d + ". "
                        + cap(c) + " did not affect " + d2 + " in these " + s + ". "
                        + "These findings suggest that " + g + " may contribute to " + d2 + ".");
    }

    /** A changed text: the same document re-submitted, a new version. */
    static Text v2(int n) {
        Text v1 = v1(n);
        String c = CHEMICALS.get((n + 4) % CHEMICALS.size());
        String g = GENES.get((n + 3) % GENES.size());
        return new Text(v1.title(), v1.body() + " A follow-up study found that " + c + " inhibits " + g + ".");
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
