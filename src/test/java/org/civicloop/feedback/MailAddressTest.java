package org.civicloop.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.internet.AddressException;
import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void aSingleWellFormedAddressIsAccepted() throws Exception {
        assertEquals("rita@example.org", MailOutbox.address("rita@example.org").getAddress());
    }

    @Test
    void malformedAddressesAreUndeliverableAtOnce() {
        for (String bad : new String[]{"not an address", "rita", "@example.org", "rita@", "a@b@c.org",
                "rita@example.org, eve@example.org"}) {
            assertThrows(AddressException.class, () -> MailOutbox.address(bad), bad);
        }
    }
}
