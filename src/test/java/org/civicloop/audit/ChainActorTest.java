package org.civicloop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.civicloop.audit.chain.Pseudonyms;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is chained by name and who as a keyed pseudonym. */
class ChainActorTest {

    private static final byte[] KEY = new byte[32];
    private final AuditLog log = new AuditLog();

    @BeforeEach
    void keys() {
        AuditKeys keys = new AuditKeys();
        keys.configuredPseudonymKey = Optional.of(Base64.getEncoder().encodeToString(KEY));
        log.keys = keys;
    }

    @Test
    void residentsAndJurorsArePseudonymous() {
        String p = new Pseudonyms(KEY).of("resident01");
        assertEquals(p, log.chainActor(new Actor("resident01", Set.of(Role.RESIDENT)), "jury.volunteered"));
        assertEquals(p, log.chainActor(new Actor("resident01", Set.of(Role.RESIDENT, Role.JUROR)), "jury.answered"));
        assertEquals(p, log.chainActor(new Actor("resident01", Set.of()), "account.created"));
        assertTrue(Pseudonyms.isPseudonym(p));
    }

    @Test
    void staffAreNamedExceptInTheirOwnParticipation() {
        Actor officer = new Actor("officer", Set.of(Role.OFFICER, Role.RESIDENT));
        assertEquals("officer", log.chainActor(officer, "cycle.phaseAdvanced"));
        assertEquals("facilitator", log.chainActor(new Actor("facilitator", Set.of(Role.FACILITATOR)),
                "deliberation.roundAdded"));
        assertEquals(new Pseudonyms(KEY).of("officer"), log.chainActor(officer, "voting.voted"));
        assertEquals(new Pseudonyms(KEY).of("officer"), log.chainActor(officer, "jury.volunteered"));
    }

    @Test
    void theSystemAndParticipantsStayAsTheyAre() {
        assertEquals("system", log.chainActor(Actor.system(), "cycle.phaseAdvanced"));
        assertEquals("participant:x7", log.chainActor(new Actor("participant:x7", Set.of()),
                "deliberation.pollAnswered"));
        assertEquals("anonymous", log.chainActor(Actor.anonymous(), "account.created"));
    }
}
