package org.civicloop.voting.count.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.TestFiles;
import org.junit.jupiter.api.Test;

class ParsersTest {

    private static final String PB = """
            META
            key;value
            description;"Test; with a semicolon"
            vote_type;approval
            budget;300
            num_votes;4
            PROJECTS
            project_id;cost;name;selected
            a;200;"Park ""Green""\";1
            b;150.5;Bikes;0
            c;100;Benches;1
            VOTES
            voter_id;vote
            1;a,c
            2;c,a
            3;b
            4;
            """;

    @Test
    void pabulibApprovalGroupsIdenticalBallots() {
        ElectionFile f = TestFiles.parse(PB, "pb");
        assertEquals("Test; with a semicolon", f.election().title());
        assertEquals(3, f.election().size());
        assertEquals("Park \"Green\"", f.election().option(0).name());
        assertEquals(Fraction.of(301, 2), f.election().option(1).cost());
        assertEquals(Fraction.of(300), f.election().budget());
        assertEquals("a,c", f.election().meta().get("selected"));
        assertEquals(BallotType.APPROVAL, f.profile().type());
        assertEquals(4, f.profile().voters());
        assertEquals(3, f.profile().ballots().size(), "a,c and c,a are the same approval ballot");
        BallotGroup first = f.profile().ballots().get(0);
        assertEquals(2, first.count());
        assertArrayEquals(new int[] {0, 2}, first.options());
    }

    @Test
    void pabulibCumulativeAndOrdinal() {
        String cum = """
                META
                key;value
                vote_type;cumulative
                budget;10
                PROJECTS
                project_id;cost
                x;5
                y;5
                VOTES
                voter_id;vote;points
                1;x,y;2,1
                2;y,y;1,2
                """;
        ElectionFile f = TestFiles.parse(cum, "pb");
        assertEquals(BallotType.CUMULATIVE, f.profile().type());
        BallotGroup repeated = f.profile().ballots().get(1);
        assertArrayEquals(new int[] {1}, repeated.options());
        assertArrayEquals(new long[] {3}, repeated.points(), "points of a repeated project add up");
        String ord = """
                META
                key;value
                vote_type;ordinal
                max_length;3
                budget;10
                PROJECTS
                project_id;cost
                x;5
                y;5
                z;5
                VOTES
                voter_id;vote
                1;z,x
                """;
        ElectionFile o = TestFiles.parse(ord, "pb");
        assertEquals(3, o.profile().maxLength());
        assertArrayEquals(new int[] {2, 0}, o.profile().ballots().get(0).options());
    }

    private static int errorLine(String text, String format) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> TestFiles.parse(text, format));
        assertTrue(e.getMessage().contains(e.line() > 0 ? "line " + e.line() : ""), e.getMessage());
        return e.line();
    }

    @Test
    void pabulibErrorsNameTheLine() {
        assertEquals(16, errorLine(PB.replace("3;b\n", "3;q\n"), "pb"));
        assertEquals(10, errorLine(PB.replace("b;150.5;Bikes;0", "a;150.5;Bikes;0"), "pb"));
        assertEquals(10, errorLine(PB.replace("b;150.5;Bikes;0", "b;lots;Bikes;0"), "pb"));
        assertEquals(15, errorLine(PB.replace("2;c,a", "2;c,a;extra"), "pb"));
        assertEquals(15, errorLine(PB.replace("2;c,a", "2;c,c"), "pb"));
        assertEquals(12, errorLine(PB.replace("VOTES", "PROJECTS"), "pb"));
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TestFiles.parse(PB.replace("num_votes;4", "num_votes;5"), "pb"));
        assertTrue(e.getMessage().contains("num_votes"), e.getMessage());
    }

    @Test
    void prefLibFilesAndTies() {
        ElectionFile t = TestFiles.read(TestFiles.resource("tennessee.soc"));
        assertEquals(4, t.election().size());
        assertEquals("Memphis", t.election().option(0).name());
        assertEquals(100, t.profile().voters());
        ElectionFile toi = TestFiles.parse("""
                # NUMBER ALTERNATIVES: 4
                # NUMBER VOTERS: 5
                3: 2,{1,4}
                2: {3,1},2
                """, "toi");
        assertEquals(2, toi.profile().ballots().size());
        BallotGroup b = toi.profile().ballots().get(0);
        assertEquals(2, b.ranks().length);
        assertArrayEquals(new int[] {0, 3}, b.ranks()[1]);
        ElectionFile debian = TestFiles.read(TestFiles.resource("00002-00000002_debian2003.soi"));
        assertEquals(488, debian.profile().voters());
        assertEquals(5, debian.election().size());
    }

    @Test
    void prefLibErrorsNameTheLine() {
        String head = "# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 2\n";
        assertEquals(4, errorLine(head + "1: 1,2,3\n1: 1,2\n", "soc"));
        assertEquals(3, errorLine(head + "1: 1,{2,3}\n1: 1,2,3\n", "soi"));
        assertEquals(3, errorLine(head + "1: 1,4\n1: 1\n", "soi"));
        assertEquals(3, errorLine(head + "1: 1,1\n1: 1\n", "soi"));
        assertEquals(3, errorLine(head + "x: 1\n1: 1\n", "soi"));
        assertEquals(4, errorLine(head + "1: 1\n1: 1,{2\n", "toi"));
        assertEquals(2, errorLine(head + "1: 1\n", "soi"), "NUMBER VOTERS disagrees");
    }

    @Test
    void bltFiles() {
        ElectionFile m = TestFiles.read(TestFiles.resource("M135.blt"));
        assertEquals(25, m.election().size());
        assertEquals(7, m.election().seats());
        assertEquals(679, m.profile().voters(), "677 ballots with preferences and 2 empty ones");
        assertEquals("C1", m.election().option(0).name());
        assertTrue(m.election().title().startsWith("M135"));
        ElectionFile w = TestFiles.parse("""
                4 2
                -3
                2 1=2 4 0
                (b7) 1 4 0
                0
                "A" "B"
                "C"
                "D"
                "Title"
                """, "blt");
        assertEquals(java.util.Set.of(2), w.election().withdrawn());
        assertEquals(3, w.profile().voters());
        assertArrayEquals(new int[] {0, 1}, w.profile().ballots().get(0).ranks()[0]);
        assertEquals("Title", w.election().title());
    }

    @Test
    void bltErrorsNameTheLine() {
        assertEquals(2, errorLine("3 2\n1 1 4 0\n0\n\"a\"\n\"b\"\n\"c\"\n", "blt"));
        assertEquals(2, errorLine("3 2\n1 1 2\n0\n\"a\"\n\"b\"\n\"c\"\n", "blt"));
        assertEquals(3, errorLine("3 2\n1 1 2 0\n1 2 2 0\n0\n\"a\"\n\"b\"\n\"c\"\n", "blt"));
        assertEquals(1, errorLine("3\n", "blt"));
        assertEquals(1, errorLine("2 3\n0\n\"a\"\n\"b\"\n", "blt"));
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TestFiles.parse("3 2\n1 1 0\n", "blt"));
        assertTrue(e.getMessage().contains("lone '0'"), e.getMessage());
    }

    @Test
    void realPabulibEdgeCases() {
        Path data = TestFiles.shared();
        ElectionFile chicago = TestFiles.read(data.resolve(
                "pabulib-official/US_Stanford_Dataset_PB_Chicago_35th_Ward_2021_vote_rankings.pb"));
        assertEquals(BallotType.ORDINAL, chicago.profile().type());
        assertEquals(103, chicago.profile().voters());
        assertEquals(4, chicago.profile().maxLength(), "no max_length: the longest ranking is used");
        ElectionFile krakow = TestFiles.read(data.resolve("pabulib-official/Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb"));
        assertEquals(755, krakow.profile().voters());
        assertEquals(3, krakow.profile().maxLength());
    }
}
