package org.civicloop.measure;

/** An officer's judgement of one promise in a public value account, made with evidence. */
public enum PromiseVerdict {
    DELIVERED, PARTLY_DELIVERED, NOT_DELIVERED
}
