package org.civicloop.feedback;

/**
 * What an officer records in response to one recommendation.
 *
 * @param response          ADOPTED, MODIFIED, REJECTED or DEFERRED
 * @param rationale         why (always)
 * @param tradeOff          what the council gives up or balances (always)
 * @param budgetLine        the budget line the money comes from (when adopted or modified)
 * @param amountCommitted   the amount committed, whole currency units (when adopted or modified)
 * @param whoLoses          who loses out (always; "nobody" is an answer)
 * @param offered           what is offered to those who lose out (when someone does)
 * @param decisionMaker     who took the decision (a person or body)
 * @param politicalDecision the item is for political decision: an elected member must sign the response off
 */
public record ResponseDraft(Recommendation.Response response, String rationale, String tradeOff, String budgetLine,
                            Long amountCommitted, String whoLoses, String offered, String decisionMaker,
                            boolean politicalDecision) {
}
