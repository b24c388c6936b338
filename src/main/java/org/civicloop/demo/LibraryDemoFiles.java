package org.civicloop.demo;

/** The files an officer uploads for the demo's library jury (a letter round's address list, an imported pool). */
final class LibraryDemoFiles {

    private LibraryDemoFiles() {
    }

    /**
     * The library jury's letter round: an address list as a postal address file gives it (a property reference, two
     * address lines, a postcode and the ward), 30 lines in Riverside North, 20 in Old Town and 10 in Mill Quarter.
     */
    static final String ADDRESSES = addresses();

    private static String addresses() {
        String[][] wards = {{"Riverside North", "Canal Walk", "RV1"}, {"Old Town", "Market Street", "RV2"},
            {"Mill Quarter", "Weir Lane", "RV3"}};
        int[] lines = {30, 20, 10};
        StringBuilder csv = new StringBuilder("uprn,line1,line2,postcode,ward\n");
        int uprn = 100_200_300;
        for (int w = 0; w < wards.length; w++) {
            for (int i = 1; i <= lines[w]; i++) {
                csv.append(uprn++).append(',').append(i).append(' ').append(wards[w][1]).append(',')
                        .append(i % 4 == 0 ? "\"Flat " + i + ", rear\"" : "").append(',').append(wards[w][2]).append(' ')
                        .append(1 + i % 9).append("LR,").append(wards[w][0]).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * The pool a letter-invitation round brought in for the library jury (Sortition Foundation people format): names,
     * phone and address lines besides the categories. Two pairs share an address, and one address is shared with a
     * resident who registered online.
     */
    static final String POOL = pool();

    private static String pool() {
        String[] first = {"Ava", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jon", "Kemi", "Liam",
            "Maya", "Noah", "Orla", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vik", "Wen", "Yusuf"};
        String[] last = {"Adams", "Baker", "Chen", "Diaz", "Evans", "Fofana", "Green", "Hussain", "Ito", "Jones",
            "Khan", "Lopez", "Mensah", "Novak", "O'Brien", "Patel", "Quigley", "Rossi", "Smith", "Taylor", "Uddin",
            "Varga", "Wang", "Yilmaz"};
        StringBuilder csv = new StringBuilder("id,first_name,last_name,phone,address,postcode,age,area\n");
        for (int i = 0; i < first.length; i++) {
            // People 3 and 4 live together, as do 10 and 11; person 7 lives where a registered resident lives.
            int house = i == 4 ? 3 : i == 11 ? 10 : i;
            String address = i == 7 ? "4 Mill Lane" : (house + 2) + " " + (house % 2 == 0 ? "Station Road" : "Quay Street,"
                    + " Flat " + (house + 1));
            String postcode = i == 7 ? "RV2 7QT" : "RV" + (1 + house % 3) + " " + (2 + house % 7) + "AB";
            csv.append("L").append(100 + i).append(',').append(first[i]).append(',').append(last[i]).append(',')
                    .append("07700 900").append(String.format("%03d", i)).append(',')
                    .append(address.contains(",") ? "\"" + address + "\"" : address).append(',').append(postcode)
                    .append(',').append(i % 3 == 0 ? "16-39" : "40+").append(',').append(i % 2 == 0 ? "North" : "South")
                    .append('\n');
        }
        return csv.toString();
    }
}
