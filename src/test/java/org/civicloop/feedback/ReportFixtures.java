package org.civicloop.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.deliberation.PreferenceShift;

/** Hand-built reports and preference shifts for the feedback unit tests. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static Map<String, Integer> counts(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    /** Six jurors: a statement most agreed with more after deliberation, and one option that moved up. */
    static PreferenceShift shift() {
        PreferenceShift.ItemShift trees = new PreferenceShift.ItemShift("s1", "Street trees are worth their upkeep",
                counts("5", 1, "2", 2, "10", 0, "4", 1, "3", 2), counts("4", 2, "5", 2, "3", 1, "2", 1),
                3.17, 3.83, 0.67, 6, 3, List.of(new PreferenceShift.GroupShift("age", "16-39", 3.0, 4.0, 1.0, 2, 2)));
        PreferenceShift.ItemShift crossings = new PreferenceShift.ItemShift("A", "School crossings",
                counts("1", 2, "2", 3, "3", 1), counts("1", 5, "2", 1), 1.83, 1.17, -0.67, 6, 4, List.of());
        return new PreferenceShift(7, List.of(trees), List.of(crossings));
    }

    static Report report(PreferenceShift shift) {
        Report.Decision adopted = new Report.Decision(1, 1, Recommendation.Source.COUNT, "A", "School crossings",
                "12 points; first choice of 3 of 6 jurors", 6, 3, 6, 100, null, 1, false, "", Recommendation.Response.ADOPTED,
                "Funded in full; works start in spring.", "Hill Street resurfacing waits a year.", "NP-2026-04",
                60_000L, "Drivers lose six parking spaces.", "Six new spaces on Mill Lane.", "Cabinet Member",
                true, "Cllr Amina Shah", LocalDate.of(2026, 3, 2), "12", null);
        Report.Decision rejected = new Report.Decision(2, 2, Recommendation.Source.RESIDENTS, "C", "Parklets \u2764",
                "Funded by the residents' vote", 6, 3, 1, 50, "Two jurors did not rank it.", 1, true, "3",
                Recommendation.Response.REJECTED, "=HYPERLINK(\"x\") the pot has \u00a312,000 left, not \u00a330,000",
                "Fewer trees otherwise.", null, null, "Residents who voted for parklets.",
                "First on next year's list.", "Head of Neighbourhoods", false, null, null, null, null);
        return new Report(7, "Riverside", "Greener streets", "GBP", 2, Instant.parse("2026-03-05T10:00:00Z"),
                "The amount for trees is \u00a348,000.", List.of(new Report.VersionNote(1,
                Instant.parse("2026-03-04T10:00:00Z"), null)),
                new Report.Changed("Two crossings open this year.", List.of("School crossings"), 60_000),
                "How should we spend \u00a3120,000?", new Report.Participation(10, 6, 6, 1,
                List.of(new Report.Representation("age", "16-39", 2, 4, 4, 3))),
                new Report.Heard(3, "/cycle.xhtml?id=7#evidence"), shift,
                new Report.Vote("GREEDY", 6, List.of(new Report.Funded("A", "School crossings", "12", 60_000)),
                        List.of(new Report.NotFunded("C", "Parklets", "did not fit the budget left",
                                new Report.Reason("GREEDY_DID_NOT_FIT", Map.of("rank", 2, "score", 1, "unit", "points",
                                        "left", 10_000, "cost", 35_000)), "9", 45_000L)),
                        List.of("Round 1: School crossings is funded (12 points)."), 1, List.of("Parklets"),
                        List.of(new Report.Reason("GREEDY_FUND", Map.of("option", "A", "score", 12, "unit", "points",
                                "cost", 60_000, "left", 0))), 3L, new Report.Campaign(3, 1, 2, 0,
                        List.of(new Report.Treated(true, 2, "Cast from one address within a minute"),
                                new Report.Treated(false, 1, "A household voting together")))),
                List.of(adopted, rejected), List.of("2 of 6 jurors would rather spend everything on trees."),
                new Report.Next("Design in spring.", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 4, 1),
                        "A report on this site", "This website"),
                new Report.Check("ab".repeat(32), List.of(new Report.Link("report.link.json", "/api/v1/cycles/7/report")),
                        "civicloop\n120\n" + "cd".repeat(32) + "\ntime 2026-12-06T10:00:00Z\nreason periodic\n\n"
                                + "\u2014 civicloop AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"),
                List.of());
    }
    /**
     * The report of a cycle with district budgets: the city-wide section, then Old Town's (greedy, £15,000, two
     * residents' ballots: OT2 funded, OT1 did not fit), and a third decision from Old Town's count.
     */
    static Report withDistricts() {
        Report r = report(shift());
        Report.Decision district = new Report.Decision(3, 3, Recommendation.Source.RESIDENTS, "OT2", "Mill Street lights",
                "Funded by the residents' vote", 0, 0, 0, 0, null, 2, true, "3", Recommendation.Response.ADOPTED,
                "Lit before winter.", "Quay benches wait.", "OT-2026", 6_000L, "Nobody.", "-", "Head of Streets",
                false, null, null, null, "old-town");
        List<Report.Decision> decisions = new java.util.ArrayList<>(r.decisions());
        decisions.add(district);
        Report.BudgetSection city = new Report.BudgetSection("city", null, null, 120_000, "GREEDY", 6, List.of(),
                List.of(), List.of(), List.of());
        Report.BudgetSection oldTown = new Report.BudgetSection("old-town", "Old Town budget", "Old Town", 15_000,
                "GREEDY", 2, List.of(new Report.Funded("OT2", "Mill Street lights", "3", 6_000)),
                List.of(new Report.NotFunded("OT1", "Quay benches", "did not fit", new Report.Reason(
                        "GREEDY_DID_NOT_FIT", Map.of("rank", 2, "score", 2, "unit", "points", "left", 9_000,
                        "cost", 10_000)), "2", 10_000L)),
                List.of(new Report.Reason("GREEDY_FUND", Map.of("option", "OT2", "score", 3, "unit", "points",
                        "cost", 6_000, "left", 9_000))), List.of("Round 1: Mill Street lights is funded (3 points)."));
        return new Report(r.cycleId(), r.council(), r.title(), r.currency(), r.version(), r.publishedAt(),
                r.changeNote(), r.earlierVersions(), r.changed(), r.question(), r.participation(), r.heard(), r.shift(),
                r.vote(), decisions, r.minorityPositions(), r.next(), r.check(), List.of(city, oldTown));
    }
}
