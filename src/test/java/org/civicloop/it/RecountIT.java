package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civicloop.voting.count.cli.CountCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Anyone can recount a closed vote from the published ballots with the offline tool and get the same result. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecountIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;


    @Test
    void thePublishedBallotsRecountToThePublishedResult() throws Exception {
        long id = ItSupport.cycleInPhase(base, "CLOSED");
        ItSupport.Reply results = get(base, "/api/v1/cycles/" + id + "/results");
        assertEquals(200, results.status(), results.body());
        JsonObject published = results.json();
        JsonObject jury = published.getJsonObject("jury").getJsonObject("count");
        assertTrue(jury.getJsonArray("winners").size() > 0, results.body());
        assertTrue(jury.getJsonArray("rounds").size() > 0, "explained round by round");
        assertTrue(jury.getJsonObject("lost").size() > 0, "every option that lost says why");

        ItSupport.Reply pb = get(base, "/api/v1/cycles/" + id + "/ballots.pb");
        assertEquals(200, pb.status(), pb.body());
        assertTrue(pb.body().startsWith("META"), pb.body());
        Path file = Files.createTempFile("ballots", ".pb");
        Files.writeString(file, pb.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(new String[]{"--rule", published.getString("rule"), file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonObject recount = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
        assertEquals(jury.getJsonArray("winners"), recount.getJsonArray("winners"));
    }

    @Test
    void ballotsAreNotPublishedWhileTheVoteIsOpen() throws Exception {
        long id = ItSupport.cycleInPhase(base, "VOTE");
        assertEquals(409, get(base, "/api/v1/cycles/" + id + "/ballots.pb").status());
        assertEquals(409, get(base, "/api/v1/cycles/" + id + "/results").status());
    }

    @Test
    void theBallotCsvHasEveryBallotAndNoIdentity() throws Exception {
        long id = ItSupport.cycleInPhase(base, "CLOSED");
        ItSupport.Reply csv = get(base, "/api/v1/cycles/" + id + "/ballots.csv");
        assertEquals(200, csv.status());
        String[] lines = csv.body().split("\n");
        assertEquals("receipt,channel,source,ranking,budget", lines[0], "no day or time of casting");
        assertTrue(java.util.Arrays.stream(lines).skip(1).allMatch(l -> l.split(",")[2].equals("ONLINE")),
                "this vote had no paper ballots");
        // The demo's residents' channel: one ballot, then a burst of six identical ones flagged as a campaign and
        // excluded from the count by the officer; excluded ballots stay in the published ballots.
        assertEquals(14, lines.length, "six jury ballots and seven residents' ballots, plus the header");
        assertTrue(!csv.body().contains("resident0") && !csv.body().contains("juror"), "no user names");
        ItSupport.Reply json = get(base, "/api/v1/cycles/" + id + "/ballots");
        assertEquals(200, json.status(), json.body());
        assertEquals(13, json.array().size(), "the same ballots as JSON");
        assertTrue(json.array().getJsonObject(0).containsKey("receipt") && json.array().getJsonObject(0).containsKey("ranking"));
        assertTrue(!json.array().getJsonObject(0).containsKey("castOn"), "no day or time of casting");
    }
}
