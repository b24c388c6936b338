package org.civicloop.jury.selection.model;

import java.util.Comparator;

/** The canonical order of person ids: numeric ids by value (before other ids), other ids by string order. */
public final class Ids {

    private Ids() {
    }

    public static final Comparator<String> ORDER = Ids::compare;

    public static int compare(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            String ta = stripZeros(a);
            String tb = stripZeros(b);
            int c = Integer.compare(ta.length(), tb.length());
            if (c == 0) {
                c = ta.compareTo(tb);
            }
            return c != 0 ? c : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
