package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Check your ballot" shows, on a phone, the inclusion proof of a published ballot and that it verifies against the
 * root sealed when the vote closed, in English and in Spanish.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class ReceiptProofJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aReceiptShowsItsVerifiedInclusionProof() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        JsonObject ballot = get(base, "/api/v1/cycles/" + closed + "/ballots").array().getJsonObject(0);
        String receipt = ballot.getString("receipt");
        String root = get(base, "/api/v1/cycles/" + closed + "/ballot-box").json().getJsonArray("channels")
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equals(ballot.getString("channel"))).findFirst().orElseThrow()
                .getString("root");
        try (Browser phone = new Browser(base.toString(), Browser.PHONE)) {
            phone.open("/receipt.xhtml");
            phone.type("#receipt\\:code", receipt.toLowerCase());
            phone.clickAndWait("#receipt\\:check");
            assertTrue(phone.text("#proof-verdict").startsWith("Verified"), phone.text("#proof"));
            assertEquals(root, phone.text("#proof-root"), "the root shown is the one published and sealed");
            assertTrue(phone.text("#proof-leaf").startsWith("civicloop-ballot-v1;" + receipt + ";"),
                    phone.text("#proof-leaf"));
            phone.checkAccessibility();
            phone.screenshots("receipt-proof", "#proof");

            phone.clickAndWait("a[lang='es']");
            phone.open("/receipt.xhtml");
            phone.type("#receipt\\:code", receipt);
            phone.clickAndWait("#receipt\\:check");
            assertTrue(phone.text("#proof-verdict").startsWith("Verificado"), phone.text("#proof"));
        }
    }
}
