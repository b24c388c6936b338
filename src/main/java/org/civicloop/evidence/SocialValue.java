package org.civicloop.evidence;

/**
 * Scores of a costed option on the Social Value Act criteria: the economic, social and environmental wellbeing of
 * the area, each from -2 (major harm) to +2 (major benefit), each with the rationale behind it. A score without a
 * rationale is not accepted: jurors must be able to see why.
 */
public record SocialValue(Integer economic, String economicWhy, Integer social, String socialWhy,
                          Integer environmental, String environmentalWhy) {

    public static final SocialValue NONE = new SocialValue(null, null, null, null, null, null);
    public static final int MIN = -2;
    public static final int MAX = 2;

    public enum Criterion { ECONOMIC, SOCIAL, ENVIRONMENTAL }

    public boolean isEmpty() {
        return economic == null && social == null && environmental == null && blank(economicWhy)
                && blank(socialWhy) && blank(environmentalWhy);
    }

    /** Null when valid; otherwise the refusal key. */
    String problem() {
        if (!pairOk(economic, economicWhy) || !pairOk(social, socialWhy) || !pairOk(environmental, environmentalWhy)) {
            return "refused.evidence.socialValue";
        }
        return null;
    }

    SocialValue stripped() {
        return new SocialValue(economic, strip(economicWhy), social, strip(socialWhy), environmental,
                strip(environmentalWhy));
    }

    private static boolean pairOk(Integer score, String why) {
        if (score == null) {
            return blank(why);
        }
        return score >= MIN && score <= MAX && !blank(why) && why.strip().length() <= 1000;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
