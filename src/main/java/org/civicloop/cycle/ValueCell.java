package org.civicloop.cycle;

/** The public value matrix: individual or collective, welfare (wellbeing) or justice (rights and duties). */
public enum ValueCell {
    MY_WELLBEING, OUR_WELLBEING, MY_RIGHTS_DUTIES, OUR_RIGHTS_DUTIES
}
